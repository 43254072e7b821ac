package dev.overcast.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoveryTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();

    @Test
    void theRootNamesTheMicroversionRangeWithoutAToken() {
        var reply = server.client().get("/");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/versions/0/max_version").asString()).isEqualTo("1.39");
        assertThat(reply.json().at("/versions/0/min_version").asString()).isEqualTo("1.0");
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("placement 1.0");
    }

    @Test
    void latestIsTheNewestVersionAndEveryAnswerSaysWhichVersionItIs() {
        var reply = server.admin("latest").get("/resource_providers_not_a_route");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("placement 1.39");
        assertThat(reply.json().at("/errors/0/code").asString()).isEqualTo("placement.undefined_code");
        assertThat(reply.json().at("/errors/0/request_id").asString()).startsWith("req-");
    }

    @Test
    void anUnsupportedVersionIs406AndAMalformedOne400() {
        assertThat(server.admin("1.40").get("/").status()).isEqualTo(406);
        assertThat(server.admin("one.two").get("/").status()).isEqualTo(400);
    }
}
