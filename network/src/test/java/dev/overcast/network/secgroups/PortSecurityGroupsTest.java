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
