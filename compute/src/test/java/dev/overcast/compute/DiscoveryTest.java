package dev.overcast.compute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.testkit.ApiClient.Reply;

class DiscoveryTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @Test
    void theVersionDocumentNamesTheMicroversionRangeWithoutAToken() {
        Reply reply = server.client().get("/v2.1");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/version/min_version").asString()).isEqualTo("2.1");
        assertThat(reply.json().at("/version/version").asString()).isEqualTo("2.96");
        assertThat(reply.header("x-compute-request-id")).startsWith("req-");
    }

    @Test
    void anUnsupportedMicroversionIsA406InNovasFaultShape() {
        Reply reply = server.client().withHeader("OpenStack-API-Version", "compute 2.97").get("/v2.1");
        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().at("/notAcceptable/code").asInt()).isEqualTo(406);
    }

    @Test
    void theLegacyHeaderIsAnsweredInBothHeaders() {
        Reply reply = server.client().withHeader("X-OpenStack-Nova-API-Version", "2.53").get("/v2.1");
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.53");
        assertThat(reply.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.53");
    }

    @Test
    void theDefaultInstallHasCell0AndCell1AndTestsAddCell2() {
        assertThat(server.context().cells().all()).extracting(c -> c.name())
                .containsExactly("cell0", "cell1", "cell2");
    }
}
