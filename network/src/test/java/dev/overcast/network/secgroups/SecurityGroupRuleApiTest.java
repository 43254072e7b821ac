package dev.overcast.network.secgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class SecurityGroupRuleApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static ApiClient member() {
        return server.member("u", "p-" + UUID.randomUUID());
    }

    private static ApiClient.Reply addRule(ApiClient client, String group, Map<String, Object> attributes) {
        Map<String, Object> rule = new HashMap<>(attributes);
        rule.put("security_group_id", group);
        rule.putIfAbsent("direction", "ingress");
        return client.post("/v2.0/security-group-rules", Map.of("security_group_rule", rule));
    }

    @Test
    void aTcpRuleForSshIsCreatedShownAndCountsAsAGroupRevision() {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "ssh");
        var reply = addRule(client, group, Map.of("protocol", "tcp", "port_range_min", 22, "port_range_max", 22,
                "remote_ip_prefix", "10.0.0.7/24", "description", "ssh"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode rule = reply.json().get("security_group_rule");
        assertThat(rule.get("protocol").asString()).isEqualTo("tcp");
        assertThat(rule.get("port_range_min").asInt()).isEqualTo(22);
        assertThat(rule.get("port_range_max").asInt()).isEqualTo(22);
        assertThat(rule.get("ethertype").asString()).isEqualTo("IPv4");
        assertThat(rule.get("remote_ip_prefix").asString()).isEqualTo("10.0.0.7/24");
        assertThat(rule.get("normalized_cidr").asString()).isEqualTo("10.0.0.0/24");
        assertThat(rule.get("remote_address_group_id").isNull()).isTrue();
        assertThat(rule.get("description").asString()).isEqualTo("ssh");
        String id = rule.get("id").asString();
        assertThat(client.get("/v2.0/security-group-rules/" + id).json().at("/security_group_rule/id").asString())
                .isEqualTo(id);
        JsonNode shown = client.get("/v2.0/security-groups/" + group).json().get("security_group");
        assertThat(shown.get("security_group_rules").size()).isEqualTo(3);
        assertThat(shown.get("revision_number").asLong()).isEqualTo(1);
    }

    @Test
    void theSameRuleTwiceIsAConflictNamingTheFirst() {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "dup");
        String first = addRule(client, group, Map.of("protocol", "tcp", "port_range_min", 80, "port_range_max", 80))
                .json().at("/security_group_rule/id").asString();
        // The same protocol by number, and the same rule once more with a different description.
        var again = addRule(client, group, Map.of("protocol", "6", "port_range_min", 80, "port_range_max", 80,
                "description", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupRuleExists");
        assertThat(again.json().at("/NeutronError/message").asString())
                .isEqualTo("Security group rule already exists. Rule id is " + first + ".");
        // Egress to anywhere exists already in every new group.
        var egress = addRule(client, group, Map.of("direction", "egress", "remote_ip_prefix", "0.0.0.0/0"));
        assertThat(egress.status()).isEqualTo(409);
    }

    @Test
    void anIpv6RuleWithALegacyIcmpNameBecomesIpv6Icmp() {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "v6");
        var reply = addRule(client, group, Map.of("ethertype", "ipv6", "protocol", "icmp", "port_range_min", 128,
                "remote_ip_prefix", "2001:DB8:0:0::1/64"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode rule = reply.json().get("security_group_rule");
        assertThat(rule.get("ethertype").asString()).isEqualTo("IPv6");
        assertThat(rule.get("protocol").asString()).isEqualTo("ipv6-icmp");
        assertThat(rule.get("remote_ip_prefix").asString()).isEqualTo("2001:db8::1/64");
        assertThat(rule.get("normalized_cidr").asString()).isEqualTo("2001:db8::/64");
        assertThat(rule.get("port_range_max").isNull()).isTrue();
    }

    @Test
    void aRemoteGroupMustExistAndBeVisible() {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "a");
        String peer = SecurityGroupApiTest.create(client, "b");
        var ok = addRule(client, group, Map.of("remote_group_id", peer, "protocol", "udp", "port_range_min", 53,
                "port_range_max", 53));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().at("/security_group_rule/remote_group_id").asString()).isEqualTo(peer);
        String strangers = SecurityGroupApiTest.create(member(), "theirs");
        var refused = addRule(client, group, Map.of("remote_group_id", strangers));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().at("/NeutronError/message").asString())
                .isEqualTo("Security group " + strangers + " does not exist");
        // Deleting the peer removes the rules that name it, as upstream's cascade does.
        assertThat(client.delete("/v2.0/security-groups/" + peer).status()).isEqualTo(204);
        assertThat(client.get("/v2.0/security-groups/" + group).json().at("/security_group/security_group_rules")
                .size()).isEqualTo(2);
    }

    @Test
    void aRuleInAnotherProjectsGroupIsNotFound() {
        ApiClient owner = member();
        String group = SecurityGroupApiTest.create(owner, "g");
        String rule = addRule(owner, group, Map.of("protocol", "tcp", "port_range_min", 1, "port_range_max", 9))
                .json().at("/security_group_rule/id").asString();
        ApiClient stranger = member();
        assertThat(addRule(stranger, group, Map.of()).status()).isEqualTo(404);
        var show = stranger.get("/v2.0/security-group-rules/" + rule);
        assertThat(show.status()).isEqualTo(404);
        assertThat(show.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupRuleNotFound");
        assertThat(show.json().at("/NeutronError/message").asString())
                .isEqualTo("Security group rule " + rule + " does not exist");
        assertThat(stranger.delete("/v2.0/security-group-rules/" + rule).status()).isEqualTo(404);
        assertThat(server.admin().get("/v2.0/security-group-rules/" + rule).status()).isEqualTo(200);
    }

    @Test
    void rulesAreListedWithFiltersAndDeleted() {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "list");
        String rule = addRule(client, group, Map.of("protocol", "tcp", "port_range_min", 443, "port_range_max", 443))
                .json().at("/security_group_rule/id").asString();
        JsonNode ingress = client.get("/v2.0/security-group-rules?security_group_id=" + group
                + "&direction=ingress").json().get("security_group_rules");
        assertThat(ingress.size()).isEqualTo(1);
        assertThat(ingress.get(0).get("id").asString()).isEqualTo(rule);
        JsonNode all = client.get("/v2.0/security-group-rules?security_group_id=" + group).json()
                .get("security_group_rules");
        assertThat(all.size()).isEqualTo(3);
        assertThat(client.get("/v2.0/security-group-rules?port_range_min=443").json().get("security_group_rules")
                .size()).isEqualTo(1);
        assertThat(client.delete("/v2.0/security-group-rules/" + rule).status()).isEqualTo(204);
        assertThat(client.get("/v2.0/security-group-rules/" + rule).status()).isEqualTo(404);
        assertThat(client.put("/v2.0/security-group-rules/" + rule, Map.of("security_group_rule", Map.of()))
                .status()).isEqualTo(405);
    }

    @Test
    void anUnknownGroupIsNotFound() {
        var reply = addRule(member(), "no-such-group", Map.of());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupNotFound");
    }

    static Stream<Arguments> badRules() {
        return Stream.of(
                Arguments.of(Map.of("direction", "sideways"), "HTTPBadRequest",
                        "Invalid input for direction. Reason: 'sideways' is not in ['ingress', 'egress']."),
                Arguments.of(Map.of("ethertype", "IPv5"), "SecurityGroupRuleInvalidEtherType",
                        "Security group rule for ethertype 'IPv5' not supported. Allowed values are ['IPv4', 'IPv6']."),
                Arguments.of(Map.of("port_range_min", 22), "SecurityGroupProtocolRequiredWithPorts",
                        "Must also specify protocol if port range is given."),
                Arguments.of(Map.of("protocol", "tcp", "port_range_min", 30, "port_range_max", 20),
                        "SecurityGroupInvalidPortRange",
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max"),
                Arguments.of(Map.of("protocol", "tcp", "port_range_min", 0, "port_range_max", 20),
                        "SecurityGroupInvalidPortValue", "Invalid value for port 0"),
                Arguments.of(Map.of("protocol", "tcp", "port_range_min", 70000), "SecurityGroupInvalidPortValue",
                        "Invalid value for port 70000"),
                Arguments.of(Map.of("protocol", "udp", "port_range_min", "abc"), "SecurityGroupInvalidPortValue",
                        "Invalid value for port abc"),
                Arguments.of(Map.of("protocol", "icmp", "port_range_min", 256), "SecurityGroupInvalidIcmpValue",
                        "Invalid value for ICMP type (port_range_min) 256. It must be 0 to 255."),
                Arguments.of(Map.of("protocol", "icmp", "port_range_max", 3), "SecurityGroupMissingIcmpType",
                        "ICMP code (port-range-max) 3 is provided but ICMP type (port-range-min) is missing."),
                Arguments.of(Map.of("protocol", "gre", "port_range_min", 1, "port_range_max", 2),
                        "SecurityGroupInvalidProtocolForPort",
                        "Ports cannot be specified for protocol 47. Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE."),
                Arguments.of(Map.of("protocol", "256"), "SecurityGroupRuleInvalidProtocol", null),
                Arguments.of(Map.of("protocol", "carrier-pigeon"), "SecurityGroupRuleInvalidProtocol", null),
                Arguments.of(Map.of("remote_ip_prefix", "10.0.0.300/24"), "InvalidCIDR",
                        "Invalid CIDR 10.0.0.300/24 given as IP prefix."),
                Arguments.of(Map.of("remote_ip_prefix", "example.com"), "InvalidCIDR",
                        "Invalid CIDR example.com given as IP prefix."),
                Arguments.of(Map.of("remote_ip_prefix", "::/0"), "SecurityGroupRuleParameterConflict",
                        "Conflicting value ethertype IPv4 for CIDR ::/0"),
                Arguments.of(Map.of("protocol", "ipv6-icmp"), "SecurityGroupEthertypeConflictWithProtocol",
                        "Invalid ethertype IPv4 for protocol ipv6-icmp."),
                Arguments.of(Map.of("remote_ip_prefix", "10.0.0.0/8", "remote_group_id", "x"),
                        "SecurityGroupMultipleRemoteEntites",
                        "Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided."),
                Arguments.of(Map.of("port", 22), "HTTPBadRequest", "Unrecognized attribute(s) 'port'"));
    }

    @ParameterizedTest
    @MethodSource("badRules")
    void aBadRuleIsNeutronsFourHundred(Map<String, Object> attributes, String type, String message) {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "bad");
        var reply = addRule(client, group, attributes);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo(type);
        if (message != null) {
            assertThat(reply.json().at("/NeutronError/message").asString()).isEqualTo(message);
        }
        assertThat(client.get("/v2.0/security-groups/" + group).json().at("/security_group/security_group_rules")
                .size()).isEqualTo(2);
    }

    @Test
    void aRuleWithoutDirectionIsRefused() {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "nodir");
        var reply = client.post("/v2.0/security-group-rules",
                Map.of("security_group_rule", Map.of("security_group_id", group)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/NeutronError/message").asString())
                .isEqualTo("Failed to parse request. Required attribute 'direction' not specified");
    }

    @Test
    void severalRulesAreCreatedAtOnceOrNoneAre() {
        ApiClient client = member();
        String group = SecurityGroupApiTest.create(client, "bulk");
        var rules = java.util.List.of(
                Map.of("security_group_id", group, "direction", "ingress", "protocol", "tcp", "port_range_min", 80,
                        "port_range_max", 80),
                Map.of("security_group_id", group, "direction", "ingress", "protocol", "tcp", "port_range_min", 443,
                        "port_range_max", 443));
        var reply = client.post("/v2.0/security-group-rules", Map.of("security_group_rules", rules));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("security_group_rules").size()).isEqualTo(2);
        // One of these exists already: neither is added.
        var again = client.post("/v2.0/security-group-rules", Map.of("security_group_rules", java.util.List.of(
                Map.of("security_group_id", group, "direction", "ingress", "protocol", "udp"), rules.get(0))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupRuleExists");
        var twice = client.post("/v2.0/security-group-rules", Map.of("security_group_rules", java.util.List.of(
                Map.of("security_group_id", group, "direction", "egress", "protocol", "udp"),
                Map.of("security_group_id", group, "direction", "egress", "protocol", "17"))));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/NeutronError/message").asString()).isEqualTo("Duplicate Security Group Rule in POST.");
        String other = SecurityGroupApiTest.create(client, "other");
        var mixed = client.post("/v2.0/security-group-rules", Map.of("security_group_rules", java.util.List.of(
                Map.of("security_group_id", group, "direction", "egress", "protocol", "udp"),
                Map.of("security_group_id", other, "direction", "egress", "protocol", "udp"))));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupNotSingleGroupRules");
        assertThat(client.get("/v2.0/security-groups/" + group).json().at("/security_group/security_group_rules")
                .size()).isEqualTo(4);
    }

    @Test
    void aReaderCannotAddRules() {
        String project = "p-" + UUID.randomUUID();
        String group = SecurityGroupApiTest.create(server.member("u", project), "g");
        assertThat(addRule(server.reader("r", project), group, Map.of()).status()).isEqualTo(403);
    }
}
