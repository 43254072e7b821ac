package dev.overcast.compute.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;

/** Server groups are counted from {@code instance_groups}, per project and per user. */
class ServerGroupUsageTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void groups() {
        server.context().api().useHandle(h -> {
            for (String user : new String[] {"a", "a", "b"}) {
                h.createUpdate("insert into instance_groups (uuid, project_id, user_id, name, policy, created_at) "
                                + "values (:u, 'sg', :user, 'g', 'affinity', current_timestamp)")
                        .bind("u", java.util.UUID.randomUUID().toString()).bind("user", user).execute();
            }
        });
    }

    @Test
    void serverGroupsAreCountedPerProjectInLimitsAndPerUserInAUsersDetail() {
        assertThat(server.member("a", "sg", "2.96").get("/v2.1/limits").json()
                .at("/limits/absolute/totalServerGroupsUsed").asLong()).isEqualTo(3);
        assertThat(server.reader("a", "sg", "2.96").get("/v2.1/os-quota-sets/sg/detail?user_id=a").json()
                .at("/quota_set/server_groups/in_use").asLong()).isEqualTo(2);
    }

    @Test
    void aNewGroupOverTheQuotaIsRefused() {
        server.admin("2.1").put("/v2.1/os-quota-sets/sg", Map.of("quota_set", Map.of("server_groups", 3)));
        QuotaEnforcer quotas = new QuotaEnforcer(server.context());
        assertThatThrownBy(() -> quotas.check("sg", "b", Map.of("server_groups", 1L)))
                .hasMessage("Quota exceeded, too many server groups.");
    }
}
