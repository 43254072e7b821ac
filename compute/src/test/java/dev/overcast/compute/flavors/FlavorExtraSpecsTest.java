package dev.overcast.compute.flavors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;

class FlavorExtraSpecsTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void flavors() {
        ApiClient admin = server.admin("2.1");
        for (String id : new String[] {"s1", "s2", "s3", "s4"}) {
            admin.post("/v2.1/flavors", Map.of("flavor", Map.of("name", "specs-" + id, "id", id, "ram", 512,
                    "vcpus", 1, "disk", 1)));
        }
        admin.post("/v2.1/flavors", Map.of("flavor", Map.of("name", "specs-private", "id", "sp", "ram", 512,
                "vcpus", 1, "disk", 1, "os-flavor-access:is_public", false)));
    }

    private static String message(Reply reply) {
        return reply.json().properties().iterator().next().getValue().get("message").asString();
    }

    @Test
    void anAdminSetsExtraSpecsAndReadersReadThem() {
        ApiClient admin = server.admin("2.1");
        Reply set = admin.post("/v2.1/flavors/s1/os-extra_specs",
                Map.of("extra_specs", Map.of("hw:cpu_policy", "dedicated", "count", 3)));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().at("/extra_specs/count").asInt()).isEqualTo(3);
        Reply all = server.reader("u1", "p1", "2.1").get("/v2.1/flavors/s1/os-extra_specs");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().at("/extra_specs/hw:cpu_policy").asString()).isEqualTo("dedicated");
        assertThat(all.json().at("/extra_specs/count").asString()).isEqualTo("3");
        Reply one = server.reader("u1", "p1", "2.1").get("/v2.1/flavors/s1/os-extra_specs/hw:cpu_policy");
        assertThat(one.json().get("hw:cpu_policy").asString()).isEqualTo("dedicated");
        assertThat(one.json().size()).isEqualTo(1);
        JsonAssert.flavorSpecs(server.reader("u1", "p1", "2.61").get("/v2.1/flavors/s1").json().at("/flavor"),
                "count", "hw:cpu_policy");
    }

    @Test
    void aKeyIsUpdatedByPutAndRemovedByDelete() {
        ApiClient admin = server.admin("2.1");
        admin.post("/v2.1/flavors/s2/os-extra_specs", Map.of("extra_specs", Map.of("k1", "v1", "k2", "v2")));
        Reply put = admin.put("/v2.1/flavors/s2/os-extra_specs/k1", Map.of("k1", "changed"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("k1").asString()).isEqualTo("changed");
        assertThat(admin.get("/v2.1/flavors/s2/os-extra_specs/k1").json().get("k1").asString()).isEqualTo("changed");
        Reply deleted = admin.delete("/v2.1/flavors/s2/os-extra_specs/k1");
        assertThat(deleted.status()).isEqualTo(200);
        Reply gone = admin.get("/v2.1/flavors/s2/os-extra_specs/k1");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(message(gone)).isEqualTo("Flavor s2 has no extra specs with key k1.");
        assertThat(admin.delete("/v2.1/flavors/s2/os-extra_specs/k1").status()).isEqualTo(404);
        assertThat(admin.get("/v2.1/flavors/s2/os-extra_specs").json().get("extra_specs").size()).isEqualTo(1);
    }

    @Test
    void aPutWhoseBodyNamesAnotherKeyIsA400() {
        ApiClient admin = server.admin("2.1");
        Reply reply = admin.put("/v2.1/flavors/s2/os-extra_specs/a", Map.of("b", "1"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(message(reply)).isEqualTo("Request body and URI mismatch");
        assertThat(admin.put("/v2.1/flavors/s2/os-extra_specs/a", Map.of("a", "1", "b", "2")).status()).isEqualTo(400);
    }

    @Test
    void badKeysAndValuesAre400s() {
        ApiClient admin = server.admin("2.1");
        assertThat(admin.post("/v2.1/flavors/s3/os-extra_specs", Map.of("extra_specs", Map.of("bad/key", "v")))
                .status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/flavors/s3/os-extra_specs", Map.of("extra_specs", Map.of("k", "v".repeat(256))))
                .status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/flavors/s3/os-extra_specs", Map.of("extra_specs", Map.of("k", true)))
                .status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/flavors/s3/os-extra_specs", Map.of("specs", Map.of())).status()).isEqualTo(400);
        assertThat(admin.get("/v2.1/flavors/s3/os-extra_specs").json().get("extra_specs").size()).isZero();
    }

    @Test
    void before286AnyNamespacedSpecIsTakenAndFrom286NovasValidatorsApply() {
        ApiClient old = server.admin("2.85");
        assertThat(old.post("/v2.1/flavors/s4/os-extra_specs", Map.of("extra_specs", Map.of("hw:cpu_policy", "fast")))
                .status()).isEqualTo(200);
        ApiClient admin = server.admin("2.86");
        Reply badValue = admin.post("/v2.1/flavors/s4/os-extra_specs",
                Map.of("extra_specs", Map.of("hw:cpu_policy", "fast")));
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(message(badValue)).isEqualTo("Validation failed; 'fast' is not one of: dedicated, shared, mixed.");
        Reply unknown = admin.post("/v2.1/flavors/s4/os-extra_specs", Map.of("extra_specs", Map.of("hw:colour", "1")));
        assertThat(message(unknown)).isEqualTo(
                "Validation failed; extra spec 'hw:colour' does not appear to be a valid extra spec.");
        assertThat(message(admin.post("/v2.1/flavors/s4/os-extra_specs",
                Map.of("extra_specs", Map.of("hw:numa_nodes", "0"))))).isEqualTo(
                "Validation failed; '0' is less than the min value of '1'.");
        assertThat(message(admin.post("/v2.1/flavors/s4/os-extra_specs",
                Map.of("extra_specs", Map.of("resources:VCPU", "two"))))).isEqualTo(
                "Validation failed; 'two' is not a valid integer value.");
        assertThat(admin.post("/v2.1/flavors/s4/os-extra_specs", Map.of("extra_specs", Map.of("trait:HW_NOPE", "required")))
                .status()).isEqualTo(400);
        Map<String, Object> good = new java.util.LinkedHashMap<>();
        good.put("hw:cpu_policy", "dedicated");
        good.put("hw:numa_nodes", 2);
        good.put("hw:numa_cpus.0", "0-1");
        good.put("hw:mem_page_size", "2MB");
        good.put("resources1:CUSTOM_GPU", "1");
        good.put("trait:HW_CPU_X86_AVX2", "required");
        good.put("trait2:CUSTOM_FAST", "forbidden");
        good.put("capabilities:cpu_info:arch", "x86_64");
        good.put("aggregate_instance_extra_specs:ssd", "true");
        good.put("group_policy", "isolate");
        good.put("free-form", "anything");
        assertThat(admin.post("/v2.1/flavors/s4/os-extra_specs", Map.of("extra_specs", good)).status()).isEqualTo(200);
        assertThat(admin.put("/v2.1/flavors/s4/os-extra_specs/hw:boot_menu", Map.of("hw:boot_menu", "perhaps"))
                .status()).isEqualTo(400);
        assertThat(admin.put("/v2.1/flavors/s4/os-extra_specs/hw:boot_menu", Map.of("hw:boot_menu", "yes"))
                .status()).isEqualTo(200);
    }

    @Test
    void membersMayNotWriteExtraSpecs() {
        ApiClient member = server.member("u1", "p1", "2.1");
        Reply reply = member.post("/v2.1/flavors/s1/os-extra_specs", Map.of("extra_specs", Map.of("x", "y")));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(member.put("/v2.1/flavors/s1/os-extra_specs/x", Map.of("x", "y")).status()).isEqualTo(403);
        assertThat(member.delete("/v2.1/flavors/s1/os-extra_specs/x").status()).isEqualTo(403);
    }

    @Test
    void aCallerWithoutARoleInItsProjectMayNotReadExtraSpecsNorSeeThemInFlavorDetails() {
        ApiClient nobody = server.as("u1", "p1", "2.61");
        assertThat(nobody.get("/v2.1/flavors/s1/os-extra_specs").status()).isEqualTo(403);
        assertThat(nobody.get("/v2.1/flavors/s1").json().at("/flavor").has("extra_specs")).isFalse();
    }

    @Test
    void theExtraSpecsOfAPrivateFlavorAreHiddenFromOtherProjects() {
        assertThat(server.reader("u1", "p1", "2.1").get("/v2.1/flavors/sp/os-extra_specs").status()).isEqualTo(404);
        assertThat(server.admin("2.1").get("/v2.1/flavors/sp/os-extra_specs").status()).isEqualTo(200);
        assertThat(server.admin("2.1").get("/v2.1/flavors/nope/os-extra_specs").status()).isEqualTo(404);
    }
}
