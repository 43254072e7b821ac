package dev.overcast.compute.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** /extensions over HTTP, as Tempest's test_extensions uses it. */
class ExtensionApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @Test
    void anyoneListsTheV21ExtensionsInNovasShape() {
        Reply reply = server.reader("u1", "p1", "2.1").get("/v2.1/extensions");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode extensions = reply.json().path("extensions");
        List<String> names = new ArrayList<>();
        Set<String> aliases = new HashSet<>();
        for (JsonNode e : extensions) {
            names.add(e.path("name").asString());
            aliases.add(e.path("alias").asString());
            assertThat(e.size()).isEqualTo(6);
            assertThat(e.path("namespace").asString()).isEqualTo("http://docs.openstack.org/compute/ext/fake_xml");
            assertThat(e.path("updated").asString()).isEqualTo("2014-12-03T00:00:00Z");
            assertThat(e.path("links").isArray()).isTrue();
            assertThat(e.path("description").asString()).isNotEmpty();
        }
        assertThat(names).contains("Hosts", "Keypairs", "ServerExternalEvents");
        assertThat(aliases).hasSize(extensions.size()).contains("os-consoles", "OS-EXT-IMG-SIZE", "os-migrations");
        assertThat(server.member("u1", "p1", "2.96").get("/v2.1/extensions").status()).isEqualTo(200);
    }

    @Test
    void oneExtensionIsShownByItsAlias() {
        Reply reply = server.member("u1", "p1", "2.1").get("/v2.1/extensions/os-consoles");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/extension/alias").asString()).isEqualTo("os-consoles");
        assertThat(reply.json().at("/extension/name").asString()).isEqualTo("Consoles");
        assertThat(reply.json().at("/extension/description").asString()).isEqualTo("Interactive Console support.");
    }

    @Test
    void anUnknownAliasIsNotFound() {
        assertThat(server.member("u1", "p1", "2.1").get("/v2.1/extensions/os-nothing").status()).isEqualTo(404);
    }

    @Test
    void theListNeedsAToken() {
        assertThat(server.client().get("/v2.1/extensions").status()).isEqualTo(401);
    }
}
