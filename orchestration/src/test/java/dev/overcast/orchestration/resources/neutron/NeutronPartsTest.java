package dev.overcast.orchestration.resources.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.resources.ResourceFailure;

class NeutronPartsTest {

    @Test
    void aRouterInterfaceIdNamesTheRouterAndTheSubnetOrPortAsHeatDoes() {
        NeutronRouterInterface.Target target = new NeutronRouterInterface.Target("r1", "subnet_id", "s1");
        assertThat(target.physicalId()).isEqualTo("r1:subnet_id=s1");
        assertThat(NeutronRouterInterface.Target.parse("r1:subnet_id=s1")).isEqualTo(target);
        assertThat(NeutronRouterInterface.Target.parse("r1:port_id=p1").kind()).isEqualTo("port_id");
        assertThatThrownBy(() -> NeutronRouterInterface.Target.parse("r1"))
                .isInstanceOf(ResourceFailure.class).hasMessage("Invalid router interface id r1");
        assertThatThrownBy(() -> NeutronRouterInterface.Target.parse("r1:network_id=n"))
                .isInstanceOf(ResourceFailure.class);
    }

    @Test
    void anUpdateSendsOnlyWhatChangedWithValueSpecsWhenTheyDid() {
        Map<String, Object> before = new LinkedHashMap<>(Map.of("name", "a", "admin_state_up", true,
                "value_specs", Map.of("mtu", 1400)));
        Map<String, Object> after = new LinkedHashMap<>(Map.of("name", "b", "admin_state_up", true,
                "value_specs", Map.of("mtu", 1300)));
        Map<String, Object> body = Map.of("name", "b", "admin_state_up", true, "mtu", 1300);
        assertThat(Neutron.changed(body, before, after)).containsOnlyKeys("name", "mtu");
        assertThat(Neutron.changed(body, after, after)).isEmpty();
    }

    @Test
    void valueSpecsAddToTheBodyButMayNotSetWhatPropertiesSet() {
        Map<String, Object> properties = Map.of("name", "n", "value_specs", Map.of("mtu", 1400));
        assertThat(Neutron.withValueSpecs(Map.of("name", "n"), properties)).containsEntry("mtu", 1400)
                .containsEntry("name", "n");
        assertThatThrownBy(() -> Neutron.withValueSpecs(Map.of(), Map.of("name", "n",
                "value_specs", Map.of("name", "other"))))
                .isInstanceOf(ResourceFailure.class).hasMessage("name not allowed in value_specs");
        assertThatThrownBy(() -> Neutron.withValueSpecs(Map.of(), Map.of("value_specs", Map.of("shared", true))))
                .hasMessage("shared not allowed in value_specs");
    }

    private static Map<String, Object> subnet(Object cidr, Object pool, Object prefixlen, int version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cidr", cidr);
        p.put("subnetpool", pool);
        p.put("prefixlen", prefixlen);
        p.put("ip_version", version);
        return p;
    }

    @Test
    void aSubnetNeedsACidrOrAPoolButNotBoth() {
        NeutronSubnet.checkCombination(subnet("10.0.0.0/24", null, null, 4));
        NeutronSubnet.checkCombination(subnet(null, "pool", 26, 4));
        assertThatThrownBy(() -> NeutronSubnet.checkCombination(subnet("10.0.0.0/24", "pool", null, 4)))
                .hasMessage("Cannot define the following properties at the same time: subnetpool, cidr");
        assertThatThrownBy(() -> NeutronSubnet.checkCombination(subnet(null, null, null, 4)))
                .hasMessage("At least one of the following properties must be specified: subnetpool, cidr");
        assertThatThrownBy(() -> NeutronSubnet.checkCombination(subnet("10.0.0.0/24", null, 26, 4)))
                .hasMessage("Cannot define the following properties at the same time: prefixlen, cidr");
        Map<String, Object> v4WithRa = subnet("10.0.0.0/24", null, null, 4);
        v4WithRa.put("ipv6_ra_mode", "slaac");
        assertThatThrownBy(() -> NeutronSubnet.checkCombination(v4WithRa))
                .hasMessage("ipv6_ra_mode and ipv6_address_mode are not supported for ipv4.");
    }
}
