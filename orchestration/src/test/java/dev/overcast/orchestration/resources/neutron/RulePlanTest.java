package dev.overcast.orchestration.resources.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

class RulePlanTest {
    private static final String SELF = "sg-1";

    private static JsonNode neutron(String json) {
        return Json.parse(json);
    }

    private static final String DEFAULTS = """
            {"id": "e4", "direction": "egress", "ethertype": "IPv4", "protocol": null, "port_range_min": null,
             "port_range_max": null, "remote_ip_prefix": null, "remote_group_id": null},
            {"id": "e6", "direction": "egress", "ethertype": "IPv6", "protocol": null, "port_range_min": null,
             "port_range_max": null, "remote_ip_prefix": null, "remote_group_id": null}""";

    private static RulePlan.Rule template(Map<String, Object> rule) {
        Map<String, Object> withDefaults = new java.util.LinkedHashMap<>(Map.of("direction", "ingress",
                "ethertype", "IPv4", "remote_mode", "remote_ip_prefix"));
        withDefaults.putAll(rule);
        return RulePlan.Rule.ofTemplate(withDefaults, SELF);
    }

    @Test
    void aNewGroupKeepsNeutronsDefaultEgressRulesWhenTheTemplateHasNoEgressRule() {
        RulePlan plan = RulePlan.of(List.of(template(Map.of("protocol", "tcp", "port_range_min", 22,
                "port_range_max", 22, "remote_ip_prefix", "0.0.0.0/0"))), neutron("[" + DEFAULTS + "]"));
        assertThat(plan.delete()).isEmpty();
        assertThat(plan.create()).containsExactly(new RulePlan.Rule("ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0",
                null));
    }

    @Test
    void anEgressRuleOfTheTemplateReplacesTheDefaults() {
        RulePlan plan = RulePlan.of(List.of(template(Map.of("direction", "egress", "protocol", "TCP",
                "port_range_min", 443, "port_range_max", 443))), neutron("[" + DEFAULTS + "]"));
        assertThat(plan.delete()).containsExactlyInAnyOrder("e4", "e6");
        assertThat(plan.create()).containsExactly(new RulePlan.Rule("egress", "IPv4", "tcp", 443, 443, null, null));
    }

    @Test
    void rulesNeutronHasAlreadyAreNeitherDeletedNorCreatedAgain() {
        String existing = "[" + DEFAULTS + """
                , {"id": "i1", "direction": "ingress", "ethertype": "IPv6", "protocol": "ipv6-icmp",
                   "port_range_min": null, "port_range_max": null, "remote_ip_prefix": null, "remote_group_id": null},
                  {"id": "i2", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                   "port_range_min": 80, "port_range_max": 80, "remote_ip_prefix": null, "remote_group_id": null}]""";
        RulePlan plan = RulePlan.of(List.of(template(Map.of("ethertype", "IPv6", "protocol", "icmp"))),
                neutron(existing));
        assertThat(plan.create()).as("IPv6 icmp is Neutron's ipv6-icmp").isEmpty();
        assertThat(plan.delete()).containsExactly("i2");
    }

    @Test
    void aRemoteGroupRuleWithoutAGroupMeansTheGroupItself() {
        RulePlan.Rule rule = template(Map.of("remote_mode", "remote_group_id", "remote_ip_prefix", "10.0.0.0/8"));
        assertThat(rule.remoteGroupId()).isEqualTo(SELF);
        assertThat(rule.remoteIpPrefix()).as("the prefix is ignored in remote group mode").isNull();
        assertThat(rule.body(SELF)).containsEntry("security_group_id", SELF).containsEntry("remote_group_id", SELF);
    }

    @Test
    void aRuleTwiceInTheTemplateIsCreatedOnce() {
        RulePlan.Rule ssh = template(Map.of("protocol", "tcp", "port_range_min", 22, "port_range_max", 22));
        RulePlan plan = RulePlan.of(List.of(ssh, ssh), neutron("[" + DEFAULTS + "]"));
        assertThat(plan.create()).containsExactly(ssh);
    }
}
