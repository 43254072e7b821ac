package dev.overcast.compute.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.core.http.ApiException;

class QuotaEnforcerTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private final Workload work = new Workload(server.context());
    private final QuotaEnforcer quotas = new QuotaEnforcer(server.context());

    private void setQuota(String project, String user, Map<String, Object> limits) {
        String path = "/v2.1/os-quota-sets/" + project + (user == null ? "" : "?user_id=" + user);
        assertThat(server.admin("2.1").put(path, Map.of("quota_set", limits)).status()).isEqualTo(200);
    }

    @Test
    void aRequestWithinTheDefaultsPasses() {
        work.instance("cell1", "within", "u", 2, 2048);
        assertThatCode(() -> quotas.check("within", "u", Map.of("instances", 1L, "cores", 2L, "ram", 2048L)))
                .doesNotThrowAnyException();
    }

    @Test
    void goingOverTheInstancesQuotaIsA403InNovasWords() {
        setQuota("full", null, Map.of("instances", 2));
        work.instance("cell1", "full", "u", 1, 512);
        work.instance("cell2", "full", "u", 1, 512);
        assertThatThrownBy(() -> quotas.check("full", "u", Map.of("instances", 1L, "cores", 1L, "ram", 512L)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo(
                            "Quota exceeded for instances: Requested 1, but already used 2 of 2 instances");
                });
    }

    @Test
    void everyResourceOverIsNamedInOrder() {
        work.instance("cell1", "many", "u", 9, 1024);
        work.instance("cell2", "many", "u", 9, 1024);
        for (int i = 0; i < 7; i++) {
            work.instance(i % 2 == 0 ? "cell1" : "cell2", "many", "u", 0, 0);
        }
        // 9 instances using 18 cores; 3 more of 1 vCPU each would be 12 instances and 21 cores.
        assertThatThrownBy(() -> quotas.check("many", "u", Map.of("instances", 3L, "cores", 3L, "ram", 0L)))
                .hasMessage("Quota exceeded for cores, instances: Requested 3, 3, but already used 18, 9 of 20, 10 "
                        + "cores, instances");
    }

    @Test
    void ramIsCountedFromTheFlavorsOfLiveInstancesAndBuildRequestsOnly() {
        setQuota("ram", null, Map.of("ram", 4096));
        work.instance("cell1", "ram", "u", 1, 2048);
        work.instance("cell2", "ram", "u", 1, 4096, true);
        work.building("ram", "u", 1, 1024);
        assertThatCode(() -> quotas.check("ram", "u", Map.of("ram", 1024L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> quotas.check("ram", "u", Map.of("ram", 1025L)))
                .hasMessage("Quota exceeded for ram: Requested 1025, but already used 3072 of 4096 ram");
    }

    @Test
    void aBuildRequestWhoseInstanceIsInACellIsCountedOnce() {
        setQuota("once", null, Map.of("instances", 2));
        String uuid = work.building("once", "u", 1, 512);
        work.instance("cell1", "once", "u", 1, 512);
        work.mapped(uuid, "cell1");
        assertThatCode(() -> quotas.check("once", "u", Map.of("instances", 1L))).doesNotThrowAnyException();
    }

    @Test
    void instancesInCell0CountToo() {
        setQuota("zero", null, Map.of("instances", 1));
        work.instance("cell0", "zero", "u", 1, 512);
        assertThatThrownBy(() -> quotas.check("zero", "u", Map.of("instances", 1L))).isInstanceOf(ApiException.class);
    }

    @Test
    void aUsersOwnQuotaIsCheckedAgainstThatUsersUsage() {
        setQuota("users", "small", Map.of("instances", 1));
        work.instance("cell1", "users", "small", 1, 512);
        work.instance("cell1", "users", "big", 1, 512);
        work.instance("cell1", "users", "big", 1, 512);
        assertThatThrownBy(() -> quotas.check("users", "small", Map.of("instances", 1L)))
                .hasMessage("Quota exceeded for instances: Requested 1, but already used 1 of 1 instances");
        assertThatCode(() -> quotas.check("users", "big", Map.of("instances", 1L))).doesNotThrowAnyException();
    }

    @Test
    void minusOneIsUnlimited() {
        setQuota("unlimited", null, Map.of("instances", -1, "cores", -1));
        assertThatCode(() -> quotas.check("unlimited", "u", Map.of("instances", 1_000_000L, "cores", 1_000_000L)))
                .doesNotThrowAnyException();
    }

    @Test
    void absoluteResourcesAreCheckedAsTheValueGiven() {
        assertThatCode(() -> quotas.check("meta", "u", Map.of("metadata_items", 128L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> quotas.check("meta", "u", Map.of("metadata_items", 129L)))
                .hasMessage("Maximum number of metadata items exceeds 128");
    }

    @Test
    void theLimitThatAppliesIsTheUsersThenTheProjectsThenTheDefault() {
        setQuota("lim", null, Map.of("cores", 40));
        setQuota("lim", "one", Map.of("cores", 8));
        assertThat(quotas.limit("lim", "one", "cores")).isEqualTo(8);
        assertThat(quotas.limit("lim", "two", "cores")).isEqualTo(40);
        assertThat(quotas.limit("lim", null, "cores")).isEqualTo(40);
        assertThat(quotas.limit("lim", "one", "instances")).isEqualTo(10);
    }

    @Test
    void anUnknownResourceIsAProgrammingError() {
        assertThatThrownBy(() -> quotas.check("p", "u", Map.of("gpus", 1L))).isInstanceOf(IllegalArgumentException.class);
    }
}
