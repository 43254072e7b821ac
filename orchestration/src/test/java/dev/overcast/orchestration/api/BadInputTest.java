package dev.overcast.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

/** Bad input is a clear 4xx naming the problem, never a 500, on every writing route. */
class BadInputTest {
    static OrchestrationServer server;
    static ApiClient alice;
    static String stack;

    private static final List<String> BODIES = List.of("", "{", "[]", "null", "1", "\"x\"",
            "{\"stack_name\": 1, \"template\": 1}",
            "{\"stack_name\": \"s\", \"template\": [1]}",
            "{\"stack_name\": \"s\", \"template\": \"{\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"parameters\": [1]}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"files\": \"x\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"environment\": [1]}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"environment\": \"{\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"environment\": \"- 1\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"timeout_mins\": \"x\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"disable_rollback\": \"x\"}",
            "{\"stack_name\": \"1s\", \"template\": \"heat_template_version: 2016-10-14\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\\nresources: {r: {type: OS::Heat::Value}}\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\\nresources: {r: {type: OS::Heat::RandomString, properties: {length: [1]}}}\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\\nresources: {r: {type: OS::Heat::RandomString, properties: [1]}}\"}",
            "{\"stack_name\": \"s\", \"template\": \"heat_template_version: 2016-10-14\", \"tags\": 5, \"clear_parameters\": 5}");

    @BeforeAll
    static void start() throws InterruptedException {
        server = new OrchestrationServer();
        alice = server.member("alice", "p1");
        var reply = alice.post("/v1/p1/stacks", java.util.Map.of("stack_name", "base", "template",
                "heat_template_version: 2016-10-14\nresources: {a: {type: OS::Heat::None}}"));
        String id = reply.json().get("stack").get("id").asString();
        server.service().engine().awaitIdle(id);
        stack = "/v1/p1/stacks/base/" + id;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        List<String[]> routes = List.of(new String[] {"POST", "/v1/p1/stacks"},
                new String[] {"POST", "/v1/p1/stacks/preview"}, new String[] {"POST", "/v1/p1/validate"},
                new String[] {"PUT", "STACK"}, new String[] {"PATCH", "STACK"});
        return routes.stream().flatMap(r -> BODIES.stream().map(b -> Arguments.of(r[0], r[1], b)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void badBodiesAre4xx(String method, String path, String body) throws Exception {
        String url = alice.baseUrl() + (path.equals("STACK") ? stack : path);
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Auth-Token", server.memberToken("alice", "p1"))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() >= 200 && reply.statusCode() < 300) {
            // A body that happens to be valid (an empty template updates the stack to no resources).
            server.service().engine().awaitAllIdle();
            return;
        }
        assertThat(reply.statusCode()).as(method + " " + path + " " + body + " -> " + reply.body())
                .isBetween(400, 499);
    }
}
