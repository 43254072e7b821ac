package dev.overcast.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;

/**
 * Nova's v2.0 compatible mode under {@code /v2}, and the project id Nova lets a path carry: the
 * v2.1 API at its oldest microversion, with no microversion headers either way, dropping body
 * attributes v2.1 would refuse.
 */
class LegacyV2Test {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void hosts() {
        server.startAgent(1);
    }

    @Test
    void theVersionListNamesV20FirstAndEachVersionDocumentLinksToItself() {
        Reply list = server.client().get("/");
        assertThat(list.json().path("versions").findValuesAsString("id")).containsExactly("v2.0", "v2.1");
        assertThat(list.json().at("/versions/0/status").asString()).isEqualTo("SUPPORTED");
        assertThat(list.json().at("/versions/0/version").asString()).isEmpty();
        String self = list.json().at("/versions/0/links/0/href").asString();
        assertThat(self).endsWith("/compute/v2/");
        for (String path : new String[] {"/v2", "/v2/"}) {
            Reply one = server.client().get(path);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().at("/version/id").asString()).isEqualTo("v2.0");
            assertThat(one.json().at("/version/links/0/href").asString()).isEqualTo(self);
            assertThat(one.json().at("/version/media-types/0/type").asString())
                    .isEqualTo("application/vnd.openstack.compute+json;version=2");
        }
    }

    @Test
    void v20IsTheV21ApiAtItsOldestMicroversionWithoutVersionHeadersAndLenientBodies() {
        ApiClient v2 = server.member("u1", "p-legacy", "2.96"); // the header is ignored under /v2
        Reply created = v2.post("/v2/p-legacy/servers", Map.of("server", Map.of("name", "old-client",
                "imageRef", TestImages.BOOTABLE, "flavorRef", "1", "description", "a 2.19 attribute",
                "os:from_an_old_extension", true)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.header("OpenStack-API-Version")).isNull();
        assertThat(created.header("X-OpenStack-Nova-API-Version")).isNull();
        assertThat(created.header("Vary")).isNull();
        String id = created.json().at("/server/id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "ACTIVE".equals(v2.get("/v2/p-legacy/servers/" + id).json().at("/server/status").asString()));

        Reply shown = v2.get("/v2/p-legacy/servers/" + id);
        assertThat(shown.json().path("server").has("description")).as("a 2.19 field").isFalse();
        Reply renamed = v2.put("/v2/p-legacy/servers/" + id, Map.of("server", Map.of("name", "renamed",
                "description", "ignored")));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(server.member("u1", "p-legacy", "2.96").get("/v2.1/servers/" + id).json()
                .at("/server/description").isNull()).isTrue();

        Reply strict = server.member("u1", "p-legacy", "2.1").put("/v2.1/servers/" + id,
                Map.of("server", Map.of("description", "refused")));
        assertThat(strict.status()).as("v2.1 at 2.1 refuses it").isEqualTo(400);
    }

    @Test
    void aPathMayNameTheCallersProjectButNoOther() {
        ApiClient member = server.member("u2", "p-path", "2.96");
        assertThat(member.get("/v2.1/p-path/servers").status()).isEqualTo(200);
        assertThat(member.get("/v2.1/p-path/flavors/detail").json().path("flavors")).isNotEmpty();
        assertThat(member.get("/v2/p-path/flavors").status()).isEqualTo(200);
        Reply other = member.get("/v2.1/p-other/servers");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().at("/badRequest/message").asString()).isEqualTo(
                "Malformed request URL: URL's project_id 'p-other' doesn't match Context's project_id 'p-path'");
        assertThat(member.get("/v2.1/p-path/nothing-here").status()).isEqualTo(404);
        assertThat(member.get("/v2.1/no/such/path").status()).isEqualTo(404);
    }
}
