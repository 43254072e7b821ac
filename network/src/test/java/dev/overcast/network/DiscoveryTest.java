package dev.overcast.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoveryTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    @Test
    void theRootListsVersionTwoWithoutAToken() {
        var reply = server.client().get("/");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/versions/0/id").asString()).isEqualTo("v2.0");
        assertThat(reply.json().at("/versions/0/links/0/href").asString()).endsWith("/network/v2.0/");
    }

    @Test
    void extensionsNeedAToken() {
        assertThat(server.client().get("/v2.0/extensions").status()).isEqualTo(401);
    }

    @Test
    void anUnknownExtensionIsANeutronNotFound() {
        var reply = server.member("u", "p").get("/v2.0/extensions/no-such-thing");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo("HTTPNotFound");
        assertThat(reply.json().at("/NeutronError/message").asString())
                .isEqualTo("Extension with alias no-such-thing does not exist");
    }

    @Test
    void extensionsListWhatTheCoreImplements() {
        var reply = server.member("u", "p").get("/v2.0/extensions");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("extensions").findValuesAsString("alias")).contains("external-net", "binding",
                "allowed-address-pairs", "port-security", "net-mtu", "net-mtu-writable", "provider",
                "standard-attr-tag", "standard-attr-description", "standard-attr-revisions",
                "standard-attr-timestamp", "project-id", "filter-validation", "sorting", "pagination",
                "empty-string-filtering", "ip-substring-filtering", "subnet_allocation", "default-subnetpools");
        assertThat(server.member("u", "p").get("/v2.0/extensions/binding").json().at("/extension/name").asString())
                .isEqualTo("Port Binding");
    }

    @Test
    void versionTwoListsTheCoreCollections() {
        var reply = server.member("u", "p").get("/v2.0");
        assertThat(reply.json().get("resources").findValuesAsString("collection"))
                .contains("networks", "subnets", "ports", "subnetpools");
    }
}
