package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Servers with NICs through the all-in-one, as a client uses Compute and Network together: a
 * server on a network gets a port bound to its host and shows its address; a server given a port
 * keeps it when deleted; interfaces attach and detach; Nova's security group proxy shows
 * Network's groups.
 */
class NetworkedServersTest {
    @TempDir
    static Path dir;
    static Overcast overcast;
    static ApiClient nova;
    static ApiClient neutron;
    static String image;
    static String network;
    static String subnet;

    @BeforeAll
    static void start() {
        overcast = Overcast.start(ComputeEndToEndTest.config(dir, Map.of()));
        Reply token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                        "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        String t = token.header("X-Subject-Token");
        nova = new ApiClient(overcast.url() + "/compute/v2.1").withToken(t)
                .withHeader("OpenStack-API-Version", "compute 2.96");
        neutron = new ApiClient(overcast.url() + "/network/v2.0").withToken(t);
        image = new ApiClient(overcast.url() + "/image").withToken(t).get("/v2/images").json()
                .at("/images/0/id").asString();
        network = created(neutron.post("/networks", Map.of("network", Map.of("name", "private"))), "network");
        subnet = created(neutron.post("/subnets", Map.of("subnet", Map.of("network_id", network,
                "ip_version", 4, "cidr", "10.1.0.0/24", "name", "private-subnet"))), "subnet");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                nova.get("/os-hypervisors").json().path("hypervisors").size() == 3);
    }

    @AfterAll
    static void stop() {
        overcast.close();
    }

    private static String created(Reply reply, String resource) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path(resource).path("id").asString();
    }

    private static String boot(String name, Object networks) {
        Reply created = nova.post("/servers", Map.of("server", Map.of("name", name, "imageRef", image,
                "flavorRef", "1", "networks", networks)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().at("/server/id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !"BUILD".equals(nova.get("/servers/" + id).json().at("/server/status").asString()));
        assertThat(nova.get("/servers/" + id).json().at("/server/status").asString()).isEqualTo("ACTIVE");
        return id;
    }

    /** The {@code field} of each item of {@code list} (not of what the items nest). */
    private static List<String> names(JsonNode list, String field) {
        List<String> out = new java.util.ArrayList<>();
        list.forEach(item -> out.add(item.path(field).asString()));
        return out;
    }

    private static void delete(String id) {
        assertThat(nova.delete("/servers/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> nova.get("/servers/" + id).status() == 404);
    }

    @Test
    void aServerOnANetworkHasABoundPortAndShowsItsAddress() {
        String id = boot("on-net", List.of(Map.of("uuid", network)));
        JsonNode server = nova.get("/servers/" + id).json().path("server");
        JsonNode addresses = server.path("addresses").path("private");
        assertThat(addresses.size()).isEqualTo(1);
        String address = addresses.get(0).path("addr").asString();
        assertThat(address).startsWith("10.1.0.");
        assertThat(addresses.get(0).path("OS-EXT-IPS:type").asString()).isEqualTo("fixed");

        JsonNode ports = neutron.get("/ports?device_id=" + id).json().path("ports");
        assertThat(ports.size()).isEqualTo(1);
        JsonNode port = ports.get(0);
        assertThat(port.path("binding:host_id").asString()).isEqualTo(server.path("OS-EXT-SRV-ATTR:host").asString());
        assertThat(port.path("device_owner").asString()).startsWith("compute:");
        assertThat(port.path("fixed_ips").get(0).path("ip_address").asString()).isEqualTo(address);
        assertThat(addresses.get(0).path("OS-EXT-IPS-MAC:mac_addr").asString())
                .isEqualTo(port.path("mac_address").asString());
        assertThat(nova.get("/servers/" + id + "/ips/private").json().path("private").get(0).path("addr").asString())
                .isEqualTo(address);
        JsonNode matching = nova.get("/servers/detail?ip=" + java.net.URLEncoder.encode(
                address.replace(".", "\\.") + "$", java.nio.charset.StandardCharsets.UTF_8)).json().path("servers");
        assertThat(names(matching, "id")).as(matching.toString()).containsExactly(id);

        delete(id);
        assertThat(neutron.get("/ports?device_id=" + id).json().path("ports").size())
                .as("the port made for the server goes with it").isZero();
    }

    @Test
    void aPortGivenToAServerIsKeptAndUnboundWhenTheServerGoes() {
        String port = created(neutron.post("/ports", Map.of("port", Map.of("network_id", network,
                "fixed_ips", List.of(Map.of("subnet_id", subnet, "ip_address", "10.1.0.50"))))), "port");
        String id = boot("on-port", List.of(Map.of("port", port)));
        assertThat(nova.get("/servers/" + id).json().at("/server/addresses/private/0/addr").asString())
                .isEqualTo("10.1.0.50");
        assertThat(neutron.get("/ports/" + port).json().at("/port/device_id").asString()).isEqualTo(id);

        Reply again = nova.post("/servers", Map.of("server", Map.of("name", "same-port", "imageRef", image,
                "flavorRef", "1", "networks", List.of(Map.of("port", port)))));
        assertThat(again.status()).as("a port in use").isEqualTo(409);

        delete(id);
        JsonNode kept = neutron.get("/ports/" + port).json().path("port");
        assertThat(kept.path("device_id").asString()).isEmpty();
        assertThat(kept.path("binding:host_id").asString()).isEmpty();
    }

    @Test
    void aShelvedServersPortsAreUnboundAndBoundAgainWhereItIsUnshelved() {
        String id = boot("shelved", List.of(Map.of("uuid", network)));
        String attached = created(neutron.post("/ports", Map.of("port", Map.of("network_id", network))), "port");
        assertThat(nova.post("/servers/" + id + "/os-interface", Map.of("interfaceAttachment",
                Map.of("port_id", attached))).status()).isEqualTo(200);

        assertThat(nova.post("/servers/" + id + "/action", Map.of("shelve", Map.of())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SHELVED_OFFLOADED".equals(
                nova.get("/servers/" + id).json().at("/server/status").asString()));
        JsonNode offloaded = neutron.get("/ports?device_id=" + id).json().path("ports");
        assertThat(offloaded.size()).isEqualTo(2);
        assertThat(names(offloaded, "binding:host_id")).containsOnly("");

        assertThat(nova.post("/servers/" + id + "/action", Map.of("unshelve", Map.of())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ACTIVE".equals(nova.get("/servers/" + id).json().at("/server/status").asString()));
        String host = nova.get("/servers/" + id).json().at("/server/OS-EXT-SRV-ATTR:host").asString();
        JsonNode unshelved = neutron.get("/ports?device_id=" + id).json().path("ports");
        assertThat(names(unshelved, "binding:host_id")).containsOnly(host);
        assertThat(nova.get("/servers/" + id).json().at("/server/addresses/private").size()).isEqualTo(2);

        delete(id);
    }

    @Test
    void anUnknownNetworkIsRefusedAtCreate() {
        Reply reply = nova.post("/servers", Map.of("server", Map.of("name", "nowhere", "imageRef", image,
                "flavorRef", "1", "networks", List.of(Map.of("uuid", "3f1a7d54-6f9e-4d0c-9a5b-1b2c3d4e5f60")))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("Network 3f1a7d54-6f9e-4d0c-9a5b-1b2c3d4e5f60 could not be found.");
    }

    @Test
    void interfacesAttachAndDetach() {
        String id = boot("nics", "none");
        Reply attached = nova.post("/servers/" + id + "/os-interface", Map.of("interfaceAttachment",
                Map.of("net_id", network)));
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        String port = attached.json().at("/interfaceAttachment/port_id").asString();
        assertThat(attached.json().at("/interfaceAttachment/net_id").asString()).isEqualTo(network);
        assertThat(nova.get("/servers/" + id + "/os-interface").json().path("interfaceAttachments")
                .findValuesAsString("port_id")).containsExactly(port);
        assertThat(nova.get("/servers/" + id).json().at("/server/addresses/private").size()).isEqualTo(1);

        assertThat(nova.delete("/servers/" + id + "/os-interface/" + port).status()).isEqualTo(202);
        assertThat(nova.get("/servers/" + id + "/os-interface").json().path("interfaceAttachments").size()).isZero();
        assertThat(nova.get("/servers/" + id).json().at("/server/addresses").size()).isZero();
        assertThat(neutron.get("/ports/" + port).status()).as("a port Compute made is deleted").isEqualTo(404);
        assertThat(nova.get("/servers/" + id + "/os-instance-actions").json().path("instanceActions")
                .findValuesAsString("action")).contains("attach_interface", "detach_interface");
        delete(id);
    }

    @Test
    void novasSecurityGroupProxyShowsNetworksGroups() {
        ApiClient old = nova.withHeader("OpenStack-API-Version", "compute 2.1");
        Reply created = old.post("/os-security-groups", Map.of("security_group", Map.of("name", "web",
                "description", "web servers")));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String group = created.json().at("/security_group/id").asString();
        Reply rule = old.post("/os-security-group-rules", Map.of("security_group_rule", Map.of(
                "parent_group_id", group, "ip_protocol", "tcp", "from_port", 22, "to_port", 22, "cidr", "0.0.0.0/0")));
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(rule.json().at("/security_group_rule/ip_range/cidr").asString()).isEqualTo("0.0.0.0/0");
        assertThat(old.post("/os-security-group-rules", Map.of("security_group_rule", Map.of(
                "parent_group_id", group, "ip_protocol", "tcp", "from_port", 22, "to_port", 22,
                "cidr", "0.0.0.0/0"))).status()).as("a duplicate rule").isEqualTo(400);
        assertThat(neutron.get("/security-group-rules?security_group_id=" + group + "&port_range_min=22").json()
                .path("security_group_rules").size()).isEqualTo(1);
        assertThat(names(old.get("/os-security-groups").json().path("security_groups"), "name"))
                .contains("web", "default");
        assertThat(old.post("/os-security-groups", Map.of("security_group", Map.of("name", "",
                "description", "x"))).status()).isEqualTo(400);
        assertThat(nova.get("/os-security-groups").status()).as("gone from 2.36").isEqualTo(404);

        String id = boot("guarded", List.of(Map.of("uuid", network)));
        assertThat(old.post("/servers/" + id + "/action", Map.of("addSecurityGroup", Map.of("name", "web")))
                .status()).isEqualTo(202);
        assertThat(names(old.get("/servers/" + id + "/os-security-groups").json().path("security_groups"), "name"))
                .containsExactlyInAnyOrder("default", "web");
        assertThat(old.delete("/os-security-groups/" + group).status()).as("in use").isEqualTo(400);
        assertThat(old.post("/servers/" + id + "/action", Map.of("removeSecurityGroup", Map.of("name", "web")))
                .status()).isEqualTo(202);
        delete(id);
        assertThat(old.delete("/os-security-groups/" + group).status()).isEqualTo(202);
    }
}
