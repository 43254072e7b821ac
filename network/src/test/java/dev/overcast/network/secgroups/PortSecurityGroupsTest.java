package dev.overcast.network.secgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.core.http.ApiException;
import dev.overcast.network.NetworkServer;

class PortSecurityGroupsTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private final PortSecurityGroups lookup = new PortSecurityGroups(Clock.systemUTC());

    private List<String> forPort(String project, List<String> requested) {
        return server.jdbi().inTransaction(h -> lookup.forPort(h, project, requested));
    }

    @Test
    void aPortNamingNoGroupsGetsItsProjectsDefaultGroupMadeOnFirstUse() {
        String project = "p-" + UUID.randomUUID();
        List<String> groups = forPort(project, null);
        assertThat(groups).hasSize(1);
        var listed = server.member("u", project).get("/v2.0/security-groups").json().get("security_groups");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(groups.getFirst());
        assertThat(forPort(project, null)).isEqualTo(groups);
    }

    /**
     * Port creates as the ports feature makes them (quota check, then groups, in one transaction)
     * racing with group and rule creates of the same project: every one finishes, and the
     * project has one default group.
     */
    @Test
    void portCreatesRacingGroupAndRuleCreatesAllFinish() throws Exception {
        String project = "p-" + UUID.randomUUID();
        var client = server.member("u", project);
        var quotas = new dev.overcast.network.quotas.DbQuotaCheck(
                dev.overcast.network.quotas.QuotaSettings.defaults());
        List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                String port = "port-" + i;
                work.add(pool.submit(() -> server.jdbi().useTransaction(h -> {
                    quotas.check(h, project, "port", 1);
                    for (String group : lookup.forPort(h, project, null)) {
                        h.execute("insert into port_security_groups (port_id, security_group_id) values (?, ?)",
                                port, group);
                    }
                })));
                String name = "g" + i;
                work.add(pool.submit(() -> {
                    String group = SecurityGroupApiTest.create(client, name);
                    var rule = client.post("/v2.0/security-group-rules", java.util.Map.of("security_group_rule",
                            java.util.Map.of("security_group_id", group, "direction", "ingress", "protocol", "tcp")));
                    assertThat(rule.status()).isEqualTo(201);
                    return null;
                }));
            }
        }
        for (var w : work) {
            w.get();
        }
        int defaults = server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from security_groups where project_id = :p and name = 'default'")
                .bind("p", project).mapTo(Integer.class).one());
        assertThat(defaults).isEqualTo(1);
        int bindings = server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from port_security_groups where port_id like 'port-%' and security_group_id in "
                        + "(select id from security_groups where project_id = :p)")
                .bind("p", project).mapTo(Integer.class).one());
        assertThat(bindings).isEqualTo(6);
    }

    @Test
    void aPortGetsTheGroupsItNamesOnceEach() {
        String project = "p-" + UUID.randomUUID();
        var client = server.member("u", project);
        String a = SecurityGroupApiTest.create(client, "a");
        String b = SecurityGroupApiTest.create(client, "b");
        assertThat(forPort(project, Arrays.asList(b, a, b)))
                .containsExactly(b, a);
        assertThat(forPort(project, List.of())).isEmpty();
    }

    @Test
    void anUnknownOrAnotherProjectsGroupIsNotFound() {
        String theirs = SecurityGroupApiTest.create(server.member("u", "p-" + UUID.randomUUID()), "theirs");
        String project = "p-" + UUID.randomUUID();
        assertThatThrownBy(() -> forPort(project, List.of(theirs, "nope")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("SecurityGroupNotFound");
                })
                .hasMessage("Security group " + theirs + ", nope does not exist");
    }
}
