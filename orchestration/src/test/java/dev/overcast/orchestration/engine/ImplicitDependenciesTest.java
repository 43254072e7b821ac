package dev.overcast.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.TemplateInput;

class ImplicitDependenciesTest {
    private static final String TEMPLATE = """
            heat_template_version: 2018-08-31
            resources:
              net:
                type: OS::Neutron::Net
              subnet:
                type: OS::Neutron::Subnet
                properties: {network: {get_resource: net}, cidr: 10.0.0.0/24}
              other_subnet:
                type: OS::Neutron::Subnet
                properties: {network: elsewhere, cidr: 10.1.0.0/24}
              router:
                type: OS::Neutron::Router
                properties: {external_gateway_info: {network: public}}
              interface:
                type: OS::Neutron::RouterInterface
                properties: {router: {get_resource: router}, subnet: {get_resource: subnet}}
              port:
                type: OS::Neutron::Port
                properties: {network: {get_resource: net}}
              server:
                type: OS::Nova::Server
                properties:
                  image: cirros
                  flavor: m1.tiny
                  networks: [{network: {get_resource: net}}]
              fip:
                type: OS::Neutron::FloatingIP
                properties: {floating_network: public, port_id: {get_resource: port}}
            """;

    private static Template template(String text) {
        return ImplicitDependencies.add(Template.parse(TemplateInput.of(text)));
    }

    @Test
    void portsAndServersWaitForTheSubnetsOfTheirNetwork() {
        Template t = template(TEMPLATE);
        assertThat(t.dependencies().requires("port")).containsExactlyInAnyOrder("net", "subnet");
        assertThat(t.dependencies().requires("server")).containsExactlyInAnyOrder("net", "subnet");
        assertThat(t.resource("port").dependencies()).contains("subnet");
    }

    @Test
    void aFloatingIpWaitsForTheRouterOnItsNetworkAndTheInterfaceOfItsPortsSubnet() {
        Template t = template(TEMPLATE);
        assertThat(t.dependencies().requires("fip")).containsExactlyInAnyOrder("port", "router", "interface");
        // Deleting goes the other way: the floating IP before the interface it needs.
        assertThat(t.dependencies().deleteOrder().indexOf("fip"))
                .isLessThan(t.dependencies().deleteOrder().indexOf("interface"));
    }

    @Test
    void aPortWithFixedIpsWaitsOnlyForTheInterfaceOfItsOwnSubnet() {
        Template t = template(TEMPLATE.replace("properties: {network: {get_resource: net}}\n  server",
                "properties: {network: {get_resource: net}, fixed_ips: [{subnet: {get_resource: other_subnet}}]}\n  server")
                .replace("    properties: {network: {get_resource: net}}\n  server:",
                        "    properties: {network: {get_resource: net}, fixed_ips: [{subnet: {get_resource: other_subnet}}]}\n  server:"));
        assertThat(t.dependencies().requires("fip")).doesNotContain("interface").contains("router");
    }

    @Test
    void anImplicitDependencyThatWouldCloseACycleIsLeftOut() {
        Template t = template("""
                heat_template_version: 2018-08-31
                resources:
                  subnet:
                    type: OS::Neutron::Subnet
                    properties: {network: shared, cidr: 10.0.0.0/24}
                    depends_on: port
                  port:
                    type: OS::Neutron::Port
                    properties: {network: shared}
                """);
        assertThat(t.dependencies().requires("port")).isEmpty();
        assertThat(t.dependencies().requires("subnet")).containsExactly("port");
    }
}
