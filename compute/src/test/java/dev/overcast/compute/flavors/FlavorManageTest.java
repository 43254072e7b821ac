package dev.overcast.compute.flavors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class FlavorManageTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private static Map<String, Object> flavor(String name, Object... more) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("ram", 1024);
        f.put("vcpus", 2);
        f.put("disk", 10);
        for (int i = 0; i < more.length; i += 2) {
            f.put((String) more[i], more[i + 1]);
        }
        return Map.of("flavor", f);
    }

    private static String message(Reply reply) {
        return reply.json().properties().iterator().next().getValue().get("message").asString();
    }

    @Test
    void anAdminCreatesAFlavorWithAGeneratedUuid() {
        Reply reply = server.admin("2.1").post("/v2.1/flavors", flavor("gen.uuid"));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode f = reply.json().get("flavor");
        assertThat(f.get("id").asString()).matches("[0-9a-f-]{36}");
        assertThat(f.get("name").asString()).isEqualTo("gen.uuid");
        assertThat(f.get("ram").asInt()).isEqualTo(1024);
        assertThat(f.get("vcpus").asInt()).isEqualTo(2);
        assertThat(f.get("disk").asInt()).isEqualTo(10);
        assertThat(f.get("swap").asString()).isEmpty();
        assertThat(f.get("os-flavor-access:is_public").asBoolean()).isTrue();
        assertThat(f.get("rxtx_factor").asDouble()).isEqualTo(1.0);
        assertThat(server.admin("2.1").get("/v2.1/flavors/" + f.get("id").asString()).status()).isEqualTo(200);
    }

    @Test
    void theIdMayBeGivenAsTextOrAsANumberAndNumbersMayBeDigitStrings() {
        Reply text = server.admin("2.1").post("/v2.1/flavors", flavor("given.text", "id", "my-flavor.1",
                "ram", "2048", "swap", 512, "OS-FLV-EXT-DATA:ephemeral", "5", "rxtx_factor", "2.5"));
        assertThat(text.status()).isEqualTo(200);
        JsonNode f = text.json().get("flavor");
        assertThat(f.get("id").asString()).isEqualTo("my-flavor.1");
        assertThat(f.get("ram").asInt()).isEqualTo(2048);
        assertThat(f.get("swap").asInt()).isEqualTo(512);
        assertThat(f.get("OS-FLV-EXT-DATA:ephemeral").asInt()).isEqualTo(5);
        assertThat(f.get("rxtx_factor").asDouble()).isEqualTo(2.5);
        Reply number = server.admin("2.1").post("/v2.1/flavors", flavor("given.number", "id", 1001));
        assertThat(number.json().at("/flavor/id").asString()).isEqualTo("1001");
    }

    @Test
    void aTakenNameOrIdIsA409InNovasWords() {
        server.admin("2.1").post("/v2.1/flavors", flavor("dup.name", "id", "dup-id"));
        Reply name = server.admin("2.1").post("/v2.1/flavors", flavor("dup.name", "id", "other-id"));
        assertThat(name.status()).isEqualTo(409);
        assertThat(message(name)).isEqualTo("Flavor with name dup.name already exists.");
        assertThat(name.json().has("conflictingRequest")).isTrue();
        Reply id = server.admin("2.1").post("/v2.1/flavors", flavor("other.name", "id", "dup-id"));
        assertThat(id.status()).isEqualTo(409);
        assertThat(message(id)).isEqualTo("Flavor with ID dup-id already exists.");
    }

    @Test
    void membersMayNotCreateUpdateOrDeleteFlavors() {
        ApiClient member = server.member("u1", "p1", "2.96");
        Reply create = member.post("/v2.1/flavors", flavor("by.member"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(message(create)).isEqualTo(
                "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.");
        server.admin("2.1").post("/v2.1/flavors", flavor("kept", "id", "kept"));
        assertThat(member.put("/v2.1/flavors/kept", Map.of("flavor", Map.of("description", "x"))).status())
                .isEqualTo(403);
        assertThat(member.delete("/v2.1/flavors/kept").status()).isEqualTo(403);
    }

    @Test
    void badFlavorsAre400sNamingTheField() {
        ApiClient admin = server.admin("2.1");
        assertThat(message(admin.post("/v2.1/flavors", flavor("zero.ram", "ram", 0)))).contains("ram");
        assertThat(message(admin.post("/v2.1/flavors", flavor("zero.ram", "ram", "0"))))
                .isEqualTo("Invalid input received: ram must be >= 1");
        assertThat(message(admin.post("/v2.1/flavors", flavor("zero.vcpus", "vcpus", 0)))).contains("vcpus");
        assertThat(message(admin.post("/v2.1/flavors", flavor("neg.disk", "disk", -1)))).contains("disk");
        assertThat(message(admin.post("/v2.1/flavors", flavor("big.ram", "ram", 2147483648L)))).contains("ram");
        assertThat(message(admin.post("/v2.1/flavors", flavor("float.ram", "ram", 1.5)))).contains("ram");
        assertThat(message(admin.post("/v2.1/flavors", flavor("bad.rxtx", "rxtx_factor", 0)))).contains("rxtx_factor");
        assertThat(message(admin.post("/v2.1/flavors", flavor("bad.public", "os-flavor-access:is_public", "maybe"))))
                .contains("is_public");
        assertThat(message(admin.post("/v2.1/flavors", flavor("extra", "colour", "red")))).contains("colour");
        assertThat(message(admin.post("/v2.1/flavors", flavor("bad id", "id", " lead")))).contains("id");
        assertThat(message(admin.post("/v2.1/flavors", flavor("bad id", "id", "a/b")))).contains("id");
        assertThat(message(admin.post("/v2.1/flavors", Map.of("flavor", Map.of("name", "x", "ram", 1, "vcpus", 1)))))
                .contains("disk");
        assertThat(admin.post("/v2.1/flavors", Map.of("other", 1)).status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/flavors", "{not json").status()).isEqualTo(400);
        assertThat(admin.get("/v2.1/flavors?is_public=none").json().get("flavors").toString())
                .doesNotContain("zero.ram", "neg.disk", "bad.rxtx", "bad.public", "\"extra\"");
    }

    @Test
    void namesArePrintableWithoutSurroundingWhitespace() {
        ApiClient admin = server.admin("2.1");
        for (String bad : new String[] {" lead", "trail ", "tab\there", "", "x".repeat(256)}) {
            Reply reply = admin.post("/v2.1/flavors", flavor(bad));
            assertThat(reply.status()).as(bad).isEqualTo(400);
        }
        assertThat(message(admin.post("/v2.1/flavors", flavor(" lead")))).isEqualTo(
                "An invalid 'name' value was provided. The name must be: printable characters. "
                        + "Can not start or end with whitespace.");
        assertThat(admin.post("/v2.1/flavors", flavor("inner space é ok")).status()).isEqualTo(200);
    }

    @Test
    void aDescriptionCanBeGivenAndChangedFrom255() {
        ApiClient old = server.admin("2.54");
        assertThat(old.post("/v2.1/flavors", flavor("desc.old", "description", "no")).status()).isEqualTo(400);
        ApiClient admin = server.admin("2.55");
        Reply created = admin.post("/v2.1/flavors", flavor("desc.new", "id", "desc", "description", "first"));
        assertThat(created.json().at("/flavor/description").asString()).isEqualTo("first");
        Reply updated = admin.put("/v2.1/flavors/desc", Map.of("flavor", Map.of("description", "second")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/flavor/description").asString()).isEqualTo("second");
        assertThat(admin.get("/v2.1/flavors/desc").json().at("/flavor/description").asString()).isEqualTo("second");
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put("description", null);
        assertThat(admin.put("/v2.1/flavors/desc", Map.of("flavor", cleared)).json().at("/flavor/description")
                .isNull()).isTrue();
        assertThat(admin.put("/v2.1/flavors/desc", Map.of("flavor", Map.of("name", "x"))).status()).isEqualTo(400);
        assertThat(admin.put("/v2.1/flavors/nope", Map.of("flavor", Map.of("description", "x"))).status())
                .isEqualTo(404);
        assertThat(old.put("/v2.1/flavors/desc", Map.of("flavor", Map.of("description", "x"))).status())
                .isEqualTo(404);
    }

    @Test
    void from261ANewFlavorShowsEmptyExtraSpecs() {
        Reply reply = server.admin("2.61").post("/v2.1/flavors", flavor("specs.new"));
        assertThat(reply.json().at("/flavor/extra_specs").isObject()).isTrue();
        assertThat(reply.json().at("/flavor/extra_specs").size()).isZero();
        assertThat(reply.json().at("/flavor/swap").isString()).isTrue();
    }

    @Test
    void deletingAFlavorAnswers202AndThenItIsGone() {
        ApiClient admin = server.admin("2.1");
        admin.post("/v2.1/flavors", flavor("doomed", "id", "doomed"));
        admin.post("/v2.1/flavors/doomed/os-extra_specs", Map.of("extra_specs", Map.of("k", "v")));
        Reply deleted = admin.delete("/v2.1/flavors/doomed");
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(admin.get("/v2.1/flavors/doomed").status()).isEqualTo(404);
        Reply again = admin.delete("/v2.1/flavors/doomed");
        assertThat(again.status()).isEqualTo(404);
        assertThat(message(again)).isEqualTo("Flavor doomed could not be found.");
        assertThat(admin.post("/v2.1/flavors", flavor("doomed", "id", "doomed")).status()).isEqualTo(200);
    }
}
