package dev.overcast.network.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;

class TagsApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static String network(ApiClient client) {
        return client.post("/v2.0/networks", Map.of("network", Map.of("name", "t"))).json().at("/network/id").asString();
    }

    @Test
    void tagsAreAddedReplacedCheckedAndRemoved() {
        ApiClient member = server.member("u", "p-tags");
        String id = network(member);
        String base = "/v2.0/networks/" + id + "/tags";
        assertThat(member.put(base + "/red", null).status()).isEqualTo(201);
        assertThat(member.get(base + "/red").status()).isEqualTo(204);
        assertThat(member.get(base + "/blue").status()).isEqualTo(404);
        var replaced = member.put(base, Map.of("tags", List.of("b", "a")));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(member.get(base).json().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(member.get("/v2.0/networks/" + id).json().at("/network/tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(member.delete(base + "/a").status()).isEqualTo(204);
        assertThat(member.delete(base + "/a").status()).isEqualTo(404);
        assertThat(member.delete(base).status()).isEqualTo(204);
        assertThat(member.get(base).json().get("tags").isEmpty()).isTrue();
    }

    @Test
    void listsFilterByTags() {
        ApiClient member = server.member("u", "p-tagfilter");
        String a = network(member);
        String b = network(member);
        member.put("/v2.0/networks/" + a + "/tags", Map.of("tags", List.of("x", "y")));
        member.put("/v2.0/networks/" + b + "/tags", Map.of("tags", List.of("y")));
        assertThat(member.get("/v2.0/networks?tags=x,y").json().get("networks").findValuesAsString("id")).containsExactly(a);
        assertThat(member.get("/v2.0/networks?tags-any=y").json().get("networks").findValuesAsString("id"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(member.get("/v2.0/networks?project_id=p-tagfilter&not-tags=x").json().get("networks")
                .findValuesAsString("id")).containsExactly(b);
    }

    @Test
    void subnetsAndPortsTakeTagsToo() {
        ApiClient member = server.member("u", "p-tagmore");
        String net = network(member);
        String subnet = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", net, "ip_version", 4,
                "cidr", "10.0.0.0/24"))).json().at("/subnet/id").asString();
        String port = member.post("/v2.0/ports", Map.of("port", Map.of("network_id", net))).json().at("/port/id").asString();
        assertThat(member.put("/v2.0/subnets/" + subnet + "/tags/s", null).status()).isEqualTo(201);
        assertThat(member.put("/v2.0/ports/" + port + "/tags/p", null).status()).isEqualTo(201);
        assertThat(member.get("/v2.0/subnets/" + subnet).json().at("/subnet/tags/0").asString()).isEqualTo("s");
        assertThat(member.get("/v2.0/ports?tags=p").json().get("ports").findValuesAsString("id")).containsExactly(port);
    }

    @Test
    void anotherProjectCannotSeeOrTagAPrivateResourceAndReadersCannotTag() {
        String id = network(server.member("u", "p-tagowner"));
        ApiClient stranger = server.member("s", "p-tagstranger");
        assertThat(stranger.get("/v2.0/networks/" + id + "/tags").status()).isEqualTo(404);
        assertThat(stranger.put("/v2.0/networks/" + id + "/tags/x", null).status()).isEqualTo(404);
        assertThat(server.reader("r", "p-tagowner").put("/v2.0/networks/" + id + "/tags/x", null).status()).isEqualTo(403);
        assertThat(server.member("u", "p-tagowner").get("/v2.0/networks/no-such/tags").status()).isEqualTo(404);
    }

    @Test
    void badTagsAreA400() {
        ApiClient member = server.member("u", "p-tagbad");
        String id = network(member);
        assertThat(member.put("/v2.0/networks/" + id + "/tags", Map.of("tags", "x")).status()).isEqualTo(400);
        assertThat(member.put("/v2.0/networks/" + id + "/tags", Map.of("tags", List.of("a".repeat(256)))).status())
                .isEqualTo(400);
    }
}
