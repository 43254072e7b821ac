package dev.overcast.placement.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.placement.model.StandardResourceClasses;
import dev.overcast.placement.traits.TestProviders;
import dev.overcast.testkit.ApiClient;

class ResourceClassApiTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient latest;
    static ApiClient v16;

    @BeforeAll
    static void start() {
        latest = server.admin("latest");
        v16 = server.admin("1.6");
    }

    private static String detail(ApiClient.Reply reply) {
        return reply.json().at("/errors/0/detail").asString();
    }

    private static List<String> listed() {
        List<String> out = new ArrayList<>();
        latest.get("/resource_classes").json().get("resource_classes").forEach(rc -> out.add(rc.get("name").asString()));
        return out;
    }

    @Test
    void everyResourceClassRouteIsUnknownBelow12() {
        ApiClient old = server.admin("1.1");
        assertThat(old.get("/resource_classes").status()).isEqualTo(404);
        assertThat(old.post("/resource_classes", Map.of("name", "CUSTOM_NFV_BAR")).status()).isEqualTo(404);
        assertThat(old.post("/resource_classes", "data").status()).isEqualTo(404);
        assertThat(old.get("/resource_classes/VCPU").status()).isEqualTo(404);
        assertThat(old.put("/resource_classes/CUSTOM_X", Map.of("name", "CUSTOM_Y")).status()).isEqualTo(404);
        assertThat(old.delete("/resource_classes/CUSTOM_X").status()).isEqualTo(404);
    }

    @Test
    void theListHasEveryStandardClassThenTheCustomOnesWithSelfLinks() {
        latest.post("/resource_classes", Map.of("name", "CUSTOM_LISTED"));
        var reply = latest.get("/resource_classes");
        assertThat(reply.status()).isEqualTo(200);
        var classes = reply.json().get("resource_classes");
        assertThat(listed().subList(0, StandardResourceClasses.ALL.size())).isEqualTo(StandardResourceClasses.ALL);
        assertThat(listed()).contains("CUSTOM_LISTED");
        var first = classes.get(0);
        assertThat(first.get("name").asString()).isEqualTo("VCPU");
        assertThat(first.at("/links/0/rel").asString()).isEqualTo("self");
        assertThat(first.at("/links/0/href").asString()).isEqualTo("/placement/resource_classes/VCPU");
    }

    @Test
    void postCreatesACustomClassOnce() {
        var created = latest.post("/resource_classes", Map.of("name", "CUSTOM_NFV_FOO"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/placement/resource_classes/CUSTOM_NFV_FOO");
        assertThat(created.header("Content-Type")).isNull();
        var shown = latest.get("/resource_classes/CUSTOM_NFV_FOO");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("name").asString()).isEqualTo("CUSTOM_NFV_FOO");
        assertThat(shown.json().at("/links/0/href").asString()).isEqualTo("/placement/resource_classes/CUSTOM_NFV_FOO");

        var again = latest.post("/resource_classes", Map.of("name", "CUSTOM_NFV_FOO"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(detail(again)).isEqualTo("Conflicting resource class already exists: CUSTOM_NFV_FOO");
    }

    @Test
    void postAcceptsOnlyCustomNamesInAJsonObject() {
        for (Object body : List.of(Map.of("name", "FOO"), Map.of("name", "IRON_NFV"), Map.of("name", "VCPU"),
                Map.of("name", "CUSTOM_Illegal&@!Name?"), Map.of("name", "CUSTOM_" + "S".repeat(249)),
                Map.of("name", "CUSTOM_NFV_BAR", "additional", "additional"), Map.of(), "[]", "{\"foo\": }")) {
            assertThat(latest.post("/resource_classes", body).status()).as(body.toString()).isEqualTo(400);
        }
        assertThat(latest.withHeader("Content-Type", "text/plain").post("/resource_classes", "data").status())
                .isEqualTo(415);
        assertThat(listed()).doesNotContain("FOO", "CUSTOM_NFV_BAR");
    }

    @Test
    void aStandardClassCanBeShownAndAnUnknownOneIs404() {
        assertThat(latest.get("/resource_classes/DISK_GB").json().get("name").asString()).isEqualTo("DISK_GB");
        var missing = latest.get("/resource_classes/CUSTOM_NOPE");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(detail(missing)).isEqualTo("No such resource class CUSTOM_NOPE.");
    }

    @Test
    void before17PutRenamesACustomClassEverywhereItIsNamed() {
        latest.post("/resource_classes", Map.of("name", "CUSTOM_OLD_NAME"));
        String rp = TestProviders.create(server, "rp-rename");
        TestProviders.addInventory(server, rp, "CUSTOM_OLD_NAME", 4);
        var renamed = v16.put("/resource_classes/CUSTOM_OLD_NAME", Map.of("name", "CUSTOM_NEW_NAME"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("CUSTOM_NEW_NAME");
        assertThat(renamed.json().at("/links/0/href").asString()).isEqualTo("/placement/resource_classes/CUSTOM_NEW_NAME");
        assertThat(latest.get("/resource_classes/CUSTOM_OLD_NAME").status()).isEqualTo(404);
        assertThat(latest.get("/resource_classes/CUSTOM_NEW_NAME").status()).isEqualTo(200);
        var indexed = server.service().context().index().get(rp).orElseThrow();
        assertThat(indexed.inventories()).containsOnlyKeys("CUSTOM_NEW_NAME");
    }

    @Test
    void before17PutRefusesStandardTakenUnknownAndMalformedNames() {
        latest.post("/resource_classes", Map.of("name", "CUSTOM_RENAME_A"));
        latest.post("/resource_classes", Map.of("name", "CUSTOM_RENAME_B"));
        var standard = v16.put("/resource_classes/VCPU", Map.of("name", "CUSTOM_RENAME_C"));
        assertThat(standard.status()).isEqualTo(400);
        assertThat(detail(standard)).isEqualTo("Cannot update standard resource class VCPU");
        assertThat(v16.put("/resource_classes/VCPU", Map.of("name", "VCPU_ALTERNATE")).status()).isEqualTo(400);
        assertThat(v16.put("/resource_classes/CUSTOM_RENAME_A", Map.of("name", "VCPU")).status()).isEqualTo(400);
        assertThat(v16.put("/resource_classes/CUSTOM_RENAME_A", Map.of("name", "CUSTOM_X", "additional", "a"))
                .status()).isEqualTo(400);
        var taken = v16.put("/resource_classes/CUSTOM_RENAME_A", Map.of("name", "CUSTOM_RENAME_B"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(detail(taken)).isEqualTo("Resource class already exists: CUSTOM_RENAME_B");
        var unknown = v16.put("/resource_classes/CUSTOM_NOT_THERE", Map.of("name", "CUSTOM_RENAME_C"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(listed()).contains("CUSTOM_RENAME_A", "CUSTOM_RENAME_B").doesNotContain("CUSTOM_RENAME_C");
    }

    @Test
    void from17PutCreatesTheNamedClassIdempotentlyWithoutABody() {
        var v17 = server.admin("1.7");
        var created = v17.put("/resource_classes/CUSTOM_IDEMPOTENT", null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/placement/resource_classes/CUSTOM_IDEMPOTENT");
        var again = v17.put("/resource_classes/CUSTOM_IDEMPOTENT", null);
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.header("Location")).endsWith("/placement/resource_classes/CUSTOM_IDEMPOTENT");
        assertThat(v17.put("/resource_classes/VCPU", null).status()).isEqualTo(400);
        assertThat(v17.put("/resource_classes/CUSTOM_lower", null).status()).isEqualTo(400);
        assertThat(listed()).contains("CUSTOM_IDEMPOTENT").doesNotContain("CUSTOM_lower");
        // 1.6 reads the same PUT as a rename, which needs a body.
        assertThat(v16.put("/resource_classes/CUSTOM_IDEMPOTENT", null).status()).isEqualTo(400);
    }

    @Test
    void deleteRemovesAnUnusedCustomClassOnly() {
        latest.post("/resource_classes", Map.of("name", "CUSTOM_GONE"));
        assertThat(latest.delete("/resource_classes/CUSTOM_GONE").status()).isEqualTo(204);
        var again = latest.delete("/resource_classes/CUSTOM_GONE");
        assertThat(again.status()).isEqualTo(404);
        assertThat(detail(again)).isEqualTo("No such resource class CUSTOM_GONE.");

        var standard = latest.delete("/resource_classes/VCPU");
        assertThat(standard.status()).isEqualTo(400);
        assertThat(detail(standard)).isEqualTo(
                "Error in delete resource class: Cannot delete standard resource class VCPU.");

        latest.post("/resource_classes", Map.of("name", "CUSTOM_USED"));
        String rp = TestProviders.create(server, "rp-class-in-use");
        TestProviders.addInventory(server, rp, "CUSTOM_USED", 1);
        var used = latest.delete("/resource_classes/CUSTOM_USED");
        assertThat(used.status()).isEqualTo(409);
        assertThat(detail(used)).isEqualTo(
                "Error in delete resource class: Cannot delete resource class CUSTOM_USED. Class is in use in inventory.");
        assertThat(latest.get("/resource_classes/CUSTOM_USED").status()).isEqualTo(200);
    }

    @Test
    void cachingHeadersStartAt115OnReads() {
        latest.post("/resource_classes", Map.of("name", "CUSTOM_CACHED"));
        for (String path : List.of("/resource_classes", "/resource_classes/CUSTOM_CACHED", "/resource_classes/VCPU")) {
            assertThat(server.admin("1.14").get(path).header("Last-Modified")).as(path).isNull();
            var v15 = server.admin("1.15").get(path);
            assertThat(v15.header("Cache-Control")).as(path).isEqualTo("no-cache");
            assertThat(v15.header("Last-Modified")).as(path).matches("\\w+, \\d+ \\w+ \\d{4} [\\d:]+ GMT");
        }
    }

    @Test
    void aMemberWithoutAdminOrServiceIsForbidden() {
        assertThat(server.member("bob", "project-b", "1.2").get("/resource_classes").status()).isEqualTo(403);
    }
}
