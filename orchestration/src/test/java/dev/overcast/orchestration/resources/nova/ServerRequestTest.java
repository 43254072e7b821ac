package dev.overcast.orchestration.resources.nova;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.resources.Properties;
import tools.jackson.databind.JsonNode;

class ServerRequestTest {
    private static final NovaServer PLUGIN = new NovaServer();

    private static Map<String, Object> properties(Map<String, Object> given) {
        return Properties.validate("vm", PLUGIN.properties(), given, false);
    }

    @Test
    void theBodyCarriesWhatNovaNeedsUnderNovasNames() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("flavor", "m1.tiny");
        given.put("key_name", "k");
        given.put("availability_zone", "nova");
        given.put("security_groups", List.of("default", "web"));
        given.put("user_data", "#!/bin/sh\necho hi\n");
        given.put("metadata", Map.of("role", "web", "tier", 2, "tags", List.of("a")));
        given.put("scheduler_hints", Map.of("group", "g-1"));
        given.put("config_drive", true);
        JsonNode body = Json.tree(new ServerRequest("vm-1", "img-1", "1", "auto", "heat-abc")
                .body(properties(given)));
        JsonNode server = body.path("server");
        assertThat(server.path("name").asString()).isEqualTo("vm-1");
        assertThat(server.path("imageRef").asString()).isEqualTo("img-1");
        assertThat(server.path("flavorRef").asString()).isEqualTo("1");
        assertThat(server.path("networks").asString()).isEqualTo("auto");
        assertThat(server.path("key_name").asString()).isEqualTo("k");
        assertThat(server.path("availability_zone").asString()).isEqualTo("nova");
        assertThat(server.path("security_groups").toString()).isEqualTo("[{\"name\":\"default\"},{\"name\":\"web\"}]");
        assertThat(new String(Base64.getDecoder().decode(server.path("user_data").asString())))
                .isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(server.path("metadata").path("tier").asString()).as("non-strings as JSON").isEqualTo("2");
        assertThat(server.path("metadata").path("tags").asString()).isEqualTo("[\"a\"]");
        assertThat(server.path("config_drive").asBoolean()).isTrue();
        assertThat(server.path("tags").toString()).isEqualTo("[\"heat-abc\"]");
        assertThat(body.path("os:scheduler_hints").path("group").asString()).isEqualTo("g-1");
    }

    @Test
    void whatIsNotGivenIsNotSent() {
        JsonNode body = Json.tree(new ServerRequest("vm", null, "1", "none", "heat-abc")
                .body(properties(Map.of("flavor", "1"))));
        assertThat(body.has("os:scheduler_hints")).isFalse();
        assertThat(body.path("server").propertyNames()).containsExactly("name", "flavorRef", "networks", "tags");
    }

    @Test
    void networksBecomeNicsOrNovasSpecialValues() {
        assertThat(ServerRequest.networks(List.of())).isEqualTo("auto");
        assertThat(ServerRequest.networks(List.of(Map.of("allocate_network", "none")))).isEqualTo("none");
        assertThat(Json.write(ServerRequest.networks(List.of(
                Map.of("network", "net-1", "fixed_ip", "10.0.0.5"),
                Map.of("port", "port-1", "network", "ignored-when-a-port-is-given")))))
                .isEqualTo("[{\"uuid\":\"net-1\",\"fixed_ip\":\"10.0.0.5\"},{\"port\":\"port-1\"}]");
    }

    @Test
    void attributesComeFromTheServerNovaShowed() {
        JsonNode server = Json.parse("""
                {"name": "vm", "accessIPv4": "", "accessIPv6": "",
                 "addresses": {"private": [{"addr": "10.0.0.5", "version": 4}, {"addr": "fd00::5", "version": 6}],
                               "public": [{"addr": "172.24.4.9", "version": 4}]}}""");
        Map<String, Object> snapshot = ServerAttributes.snapshot(server, Map.of("private", "net-1"));
        assertThat(snapshot.get("first_address")).isEqualTo("10.0.0.5");
        assertThat(Json.write(snapshot.get("networks"))).isEqualTo(
                "{\"private\":[\"10.0.0.5\",\"fd00::5\"],\"net-1\":[\"10.0.0.5\",\"fd00::5\"],\"public\":[\"172.24.4.9\"]}");
        assertThat(snapshot.get("instance_name")).as("only admins see it").isNull();
        assertThat(ServerAttributes.snapshot(Json.parse("{\"addresses\": {}}"), Map.of()).get("first_address"))
                .isEqualTo("");
    }
}
