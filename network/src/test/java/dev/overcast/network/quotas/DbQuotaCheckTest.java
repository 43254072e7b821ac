package dev.overcast.network.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.core.http.ApiException;
import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;

class DbQuotaCheckTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private final DbQuotaCheck check = new DbQuotaCheck(QuotaSettings.defaults());

    @Test
    void racingCreatesCannotBothTakeTheLastUnit() throws Exception {
        String project = "p-" + UUID.randomUUID();
        ApiClient member = server.member("u", project);
        member.get("/v2.0/security-groups");
        // The default group and four more: sixteen creates race for four places.
        server.admin().put("/v2.0/quotas/" + project, Map.of("quota", Map.of("security_group", 5)));
        List<Future<Integer>> replies = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                String name = "g" + i;
                replies.add(pool.submit(() -> member.post("/v2.0/security-groups",
                        Map.of("security_group", Map.of("name", name))).status()));
            }
        }
        int created = 0;
        for (Future<Integer> reply : replies) {
            int status = reply.get();
            assertThat(status).isIn(201, 409);
            created += status == 201 ? 1 : 0;
        }
        assertThat(created).isEqualTo(4);
        assertThat(member.get("/v2.0/security-groups").json().get("security_groups").size()).isEqualTo(5);
    }

    @Test
    void aResourceWhoseTableIsNotHereCountsNothing() {
        String project = "p-" + UUID.randomUUID();
        server.admin().put("/v2.0/quotas/" + project, Map.of("quota", Map.of("router", 1)));
        server.jdbi().useTransaction(h -> check.check(h, project, "router", 1));
        assertThatThrownBy(() -> server.jdbi().useTransaction(h -> check.check(h, project, "router", 2)))
                .isInstanceOf(ApiException.class).hasMessage("Quota exceeded for resources: ['router'].");
    }

    @Test
    void anUnlimitedQuotaNeverRefuses() {
        server.jdbi().useTransaction(h -> check.check(h, "p-" + UUID.randomUUID(), "subnetpool", 1_000_000));
    }

    @Test
    void anUnknownResourceIsAProgrammingError() {
        assertThatThrownBy(() -> server.jdbi().useTransaction(h -> check.check(h, "p", "widget", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
