package dev.overcast.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    static ImageServer server;

    @BeforeAll
    static void start() {
        server = new ImageServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theVersionListNeedsNoTokenAndNamesTheCurrentVersion() {
        var reply = server.client().get("/versions");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("versions").get(0).get("status").asString()).isEqualTo("CURRENT");
        assertThat(server.client().get("/").status()).isEqualTo(300);
    }
}
