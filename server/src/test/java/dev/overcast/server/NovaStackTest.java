package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.core.auth.RevocationList;
import dev.overcast.core.auth.SigningKeys;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.json.Json;
import dev.overcast.orchestration.cloud.Cloud;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.Properties;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.resources.Sleeper;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * OS::Nova::* stacks through the all-in-one on the legacy engine, as a user of the openstack CLI
 * sees them: a stack's servers, key pair and server group exist in Compute, in the project of the
 * user who made the stack, and go with the stack; a server renamed or given new metadata keeps
 * its id; a flavor Compute does not know fails the stack with Compute's reason.
 */
class NovaStackTest {
    @TempDir
    static Path dir;
    static Overcast overcast;
    static User admin;
    static User alice;
    static String imageName;

    /** A user's token and clients, scoped to a project. */
    record User(String userId, String projectId, String token, ApiClient nova, ApiClient heat) {
        static User login(Overcast overcast, String name, String password, String project) {
            Reply token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                    Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                    Map.of("name", name, "domain", Map.of("id", "default"), "password", password))),
                            "scope", Map.of("project", Map.of("name", project, "domain", Map.of("id", "default"))))));
            assertThat(token.status()).as(token.body()).isEqualTo(201);
            String t = token.header("X-Subject-Token");
            String projectId = token.json().at("/token/project/id").asString();
            return new User(token.json().at("/token/user/id").asString(), projectId, t, new ApiClient(overcast.url() + "/compute/v2.1").withToken(t)
                    .withHeader("OpenStack-API-Version", "compute 2.60"),
                    new ApiClient(overcast.url() + "/orchestration/v1/" + projectId).withToken(t));
        }
    }

    @BeforeAll
    static void start() {
        overcast = Overcast.start(ComputeEndToEndTest.config(dir,
                Map.of("orchestration", Map.of("default_engine", "legacy"))));
        admin = User.login(overcast, "admin", "pw", "admin");
        ApiClient identity = new ApiClient(overcast.url() + "/identity/v3").withToken(admin.token());
        String project = identity.post("/projects", Map.of("project", Map.of("name", "alpha",
                "domain_id", "default"))).json().at("/project/id").asString();
        String user = identity.post("/users", Map.of("user", Map.of("name", "alice", "password", "alicepw",
                "domain_id", "default"))).json().at("/user/id").asString();
        String member = identity.get("/roles?name=member").json().at("/roles/0/id").asString();
        assertThat(identity.put("/projects/" + project + "/users/" + user + "/roles/" + member, null).status())
                .isEqualTo(204);
        alice = User.login(overcast, "alice", "alicepw", "alpha");
        imageName = new ApiClient(overcast.url() + "/image").withToken(admin.token()).get("/v2/images").json()
                .at("/images/0/name").asString();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.nova().get("/os-hypervisors").json().path("hypervisors").size() == 3);
    }

    @AfterAll
    static void stop() {
        overcast.close();
    }

    private static Map<String, Object> server(String name, String image, Map<String, Object> metadata) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("image", image);
        properties.put("flavor", "m1.tiny");
        properties.put("key_name", Map.of("get_resource", "key"));
        properties.put("networks", List.of(Map.of("network", "public")));
        properties.put("scheduler_hints", Map.of("group", Map.of("get_resource", "group")));
        properties.put("metadata", metadata);
        return Map.of("type", "OS::Nova::Server", "properties", properties);
    }

    private static Map<String, Object> template(String firstName, String firstImage,
            Map<String, Object> firstMetadata) {
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("group", Map.of("type", "OS::Nova::ServerGroup",
                "properties", Map.of("policies", List.of("anti-affinity"))));
        resources.put("key", Map.of("type", "OS::Nova::KeyPair", "properties", Map.of("name",
                Map.of("list_join", List.of("-", List.of(Map.of("get_param", "OS::stack_name"), "key"))),
                "save_private_key", true)));
        resources.put("suffix", Map.of("type", "OS::Heat::RandomString", "properties", Map.of("length", 6)));
        resources.put("web0", server(firstName, firstImage, firstMetadata));
        for (int i = 1; i < 3; i++) {
            resources.put("web" + i, server(null, imageName, Map.of("role", "web")));
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("names", Map.of("value", List.of(Map.of("get_attr", List.of("web0", "name")),
                Map.of("get_attr", List.of("web1", "name")), Map.of("get_attr", List.of("web2", "name")))));
        outputs.put("first_address", Map.of("value", Map.of("get_attr", List.of("web0", "first_address"))));
        outputs.put("networks", Map.of("value", Map.of("get_attr", List.of("web1", "networks", "public"))));
        outputs.put("private_key", Map.of("value", Map.of("get_attr", List.of("key", "private_key"))));
        return Map.of("heat_template_version", "2018-08-31", "resources", resources, "outputs", outputs);
    }

    /** @return the id of a small image the user uploads */
    private static String image(User user, String name) {
        ApiClient glance = new ApiClient(overcast.url() + "/image").withToken(user.token());
        Reply made = glance.post("/v2/images", Map.of("name", name, "disk_format", "raw", "container_format", "bare"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().path("id").asString();
        Reply uploaded = glance.withHeader("Content-Type", "application/octet-stream")
                .send("PUT", "/v2/images/" + id + "/file", "not really a disk");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(204);
        return id;
    }

    /** @return the stack's URL under the user's Heat client, once its create or update ends */
    private static String create(User user, String name, Map<String, Object> template) {
        Reply created = user.heat().post("/stacks", Map.of("stack_name", name, "template", Json.write(template)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String self = "/stacks/" + name + "/" + created.json().at("/stack/id").asString();
        settle(user, self);
        return self;
    }

    private static JsonNode settle(User user, String self) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                !user.heat().get(self).json().at("/stack/stack_status").asString().endsWith("IN_PROGRESS"));
        return user.heat().get(self).json().path("stack");
    }

    /** Deletes the stack and waits until it is gone. */
    private static void deleteStack(User user, String self) {
        assertThat(user.heat().delete(self).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).until(() -> user.heat().get(self).status() == 404
                || user.heat().get(self).json().at("/stack/stack_status").asString().equals("DELETE_COMPLETE"));
    }

    private static Map<String, JsonNode> outputs(JsonNode stack) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        stack.path("outputs").forEach(o -> out.put(o.path("output_key").asString(), o.path("output_value")));
        return out;
    }

    private static String physicalId(User user, String self, String resource) {
        return user.heat().get(self + "/resources/" + resource).json().at("/resource/physical_resource_id").asString();
    }

    private static JsonNode servers(User user) {
        return user.nova().get("/servers/detail").json().path("servers");
    }

    @Test
    void aStackOfServersInAGroupWithAKeyPairLivesUpdatesInPlaceAndGoesWithoutATrace() {
        String self = create(alice, "web", template("first", imageName, Map.of("role", "web")));
        JsonNode stack = alice.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("CREATE_COMPLETE");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(physicalId(alice, self, "web" + i));
        }
        JsonNode servers = servers(alice);
        assertThat(servers.size()).isEqualTo(3);
        HashSet<String> hosts = new HashSet<>();
        for (JsonNode s : servers) {
            assertThat(ids).contains(s.path("id").asString());
            assertThat(s.path("status").asString()).isEqualTo("ACTIVE");
            assertThat(s.path("tenant_id").asString()).as("the stack's user's project").isEqualTo(alice.projectId());
            assertThat(s.path("key_name").asString()).isEqualTo("web-key");
            hosts.add(s.path("hostId").asString());
        }
        assertThat(hosts).as("anti-affinity puts each server on its own host").hasSize(3);
        String group = physicalId(alice, self, "group");
        JsonNode groupBody = alice.nova().get("/os-server-groups/" + group).json().path("server_group");
        assertThat(groupBody.path("policies").get(0).asString()).isEqualTo("anti-affinity");
        assertThat(groupBody.path("members").size()).isEqualTo(3);

        Map<String, JsonNode> out = outputs(stack);
        assertThat(out.get("names").get(0).asString()).isEqualTo("first");
        assertThat(out.get("names").get(1).asString()).startsWith("web-web1-");
        assertThat(out.get("first_address").asString()).startsWith("172.24.4.");
        assertThat(out.get("networks").get(0).asString()).startsWith("172.24.4.");
        assertThat(out.get("private_key").asString()).contains("PRIVATE KEY");
        assertThat(alice.nova().get("/os-keypairs/web-key").status()).isEqualTo(200);

        String second = image(alice, "second");
        Reply updated = alice.heat().put(self, Map.of("template", Json.write(template("renamed", "second",
                Map.of("role", "db", "tier", 2)))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(202);
        stack = settle(alice, self);
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("UPDATE_COMPLETE");
        assertThat(physicalId(alice, self, "web0")).as("renamed and rebuilt in place").isEqualTo(ids.get(0));
        JsonNode renamed = alice.nova().get("/servers/" + ids.get(0)).json().path("server");
        assertThat(renamed.path("image").path("id").asString()).isEqualTo(second);
        assertThat(renamed.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(renamed.path("name").asString()).isEqualTo("renamed");
        assertThat(renamed.path("metadata").path("role").asString()).isEqualTo("db");
        assertThat(renamed.path("metadata").path("tier").asString()).isEqualTo("2");
        assertThat(outputs(stack).get("names").get(0).asString()).isEqualTo("renamed");

        deleteStack(alice, self);
        assertThat(servers(alice).size()).as("no servers left").isZero();
        assertThat(alice.nova().get("/os-keypairs").json().path("keypairs").size()).as("no key pairs left").isZero();
        assertThat(alice.nova().get("/os-server-groups").json().path("server_groups").size()).as("no groups left")
                .isZero();
    }

    @Test
    void aFlavorComputeDoesNotKnowFailsTheStackWithComputesReason() {
        Map<String, Object> template = Map.of("heat_template_version", "2018-08-31", "resources", Map.of("vm",
                Map.of("type", "OS::Nova::Server", "properties", Map.of("image", imageName, "flavor", "m1.huge-nope",
                        "networks", List.of(Map.of("allocate_network", "none"))))));
        String self = create(admin, "bad-flavor", template);
        JsonNode stack = admin.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).isEqualTo("CREATE_FAILED");
        assertThat(stack.path("stack_status_reason").asString())
                .isEqualTo("Resource CREATE failed: BadRequest: resources.vm: Flavor m1.huge-nope could not be found.");
        deleteStack(admin, self);
    }

    @Test
    void aMemberCannotMakeAFlavorButAnAdminCan() {
        Map<String, Object> template = Map.of("heat_template_version", "2018-08-31", "resources", Map.of("f",
                Map.of("type", "OS::Nova::Flavor", "properties", Map.of("ram", 256, "vcpus", 1, "is_public", false,
                        "extra_specs", Map.of("hw:cpu_policy", "shared")))),
                "outputs", Map.of("name", Map.of("value", Map.of("get_attr", List.of("f", "name")))));
        String refused = create(alice, "flavor-by-member", template);
        JsonNode stack = alice.heat().get(refused).json().path("stack");
        assertThat(stack.path("stack_status").asString()).isEqualTo("CREATE_FAILED");
        assertThat(stack.path("stack_status_reason").asString()).startsWith("Resource CREATE failed: Forbidden: ");

        String self = create(admin, "flavor-by-admin", template);
        stack = admin.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("CREATE_COMPLETE");
        String id = physicalId(admin, self, "f");
        JsonNode flavor = admin.nova().get("/flavors/" + id).json().path("flavor");
        assertThat(flavor.path("name").asString()).isEqualTo(outputs(stack).get("name").asString())
                .startsWith("flavor-by-admin-f-");
        assertThat(flavor.path("os-flavor-access:is_public").asBoolean()).isFalse();
        assertThat(admin.nova().get("/flavors/" + id + "/os-extra_specs").json().at("/extra_specs/hw:cpu_policy")
                .asString()).isEqualTo("shared");
        deleteStack(admin, self);
        assertThat(admin.nova().get("/flavors/" + id).status()).isEqualTo(404);
    }

    @Test
    void parameterConstraintsAskTheCloudAsTheRequestingUser() {
        String adminKey = admin.nova().post("/os-keypairs", Map.of("keypair", Map.of("name", "admins-key")))
                .json().at("/keypair/name").asString();
        String aliceKey = alice.nova().post("/os-keypairs", Map.of("keypair", Map.of("name", "alices-key")))
                .json().at("/keypair/name").asString();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("flavor", Map.of("type", "string", "constraints", List.of(Map.of("custom_constraint", "nova.flavor"))));
        parameters.put("key", Map.of("type", "string", "constraints", List.of(Map.of("custom_constraint", "nova.keypair"))));
        parameters.put("image", Map.of("type", "string", "constraints", List.of(Map.of("custom_constraint", "glance.image"))));
        String template = Json.write(Map.of("heat_template_version", "2018-08-31", "parameters", parameters,
                "resources", Map.of("nothing", Map.of("type", "OS::Heat::None"))));
        Map<String, Object> good = Map.of("flavor", "m1.tiny", "key", aliceKey, "image", imageName);

        Reply created = alice.heat().post("/stacks", Map.of("stack_name", "checked", "template", template,
                "parameters", good));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String self = "/stacks/checked/" + created.json().at("/stack/id").asString();
        assertThat(settle(alice, self).path("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
        deleteStack(alice, self);

        Map<String, Object> badFlavor = new LinkedHashMap<>(good);
        badFlavor.put("flavor", "m1.nope");
        Reply refused = alice.heat().post("/stacks", Map.of("stack_name", "bad-flavor-param", "template", template,
                "parameters", badFlavor));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/message").asString()).isEqualTo("Parameter 'flavor' is invalid: "
                + "Error validating value 'm1.nope': The Flavor (m1.nope) could not be found.");

        Map<String, Object> othersKey = new LinkedHashMap<>(good);
        othersKey.put("key", adminKey);
        Reply isolated = alice.heat().post("/validate", Map.of("template", template, "parameters", othersKey));
        assertThat(isolated.status()).as("another user's key pair is not the caller's").isEqualTo(400);
        assertThat(isolated.json().at("/error/message").asString()).contains("The Key (admins-key) could not be found.");

        Map<String, Object> badImage = new LinkedHashMap<>(good);
        badImage.put("image", "no-such-image");
        assertThat(alice.heat().post("/validate", Map.of("template", template, "parameters", badImage)).json()
                .at("/error/message").asString()).contains("No image matching {'name': 'no-such-image'}.");
        assertThat(admin.nova().delete("/os-keypairs/" + adminKey).status()).isEqualTo(204);
        assertThat(alice.nova().delete("/os-keypairs/" + aliceKey).status()).isEqualTo(204);
    }

    /** The stack a plugin acts for: alice's in her project, or someone's in a project they have no role on. */
    private static PluginContext context(String userId, String projectId) {
        Clock clock = Clock.systemUTC();
        StackRow stack = new StackRow(UUID.randomUUID().toString(), "direct", projectId, userId, null, "CREATE",
                "IN_PROGRESS", "", "{}", Map.of(), Map.of(), Map.of(), List.of(), true, null, "legacy", null, null,
                clock.instant(), null, null);
        TokenCodec tokens = new TokenCodec(SigningKeys.loadOrCreate(dir.resolve("keys"), clock),
                new RevocationList(clock, Duration.ofHours(1)), clock);
        return new PluginContext(clock, Sleeper.REAL, new Random(7), stack,
                PluginServices.NONE.with(Cloud.class, new Cloud(overcast.url(), tokens, clock, Duration.ofSeconds(30))));
    }

    @Test
    void aServerCreateRunAgainTakesOverTheServerTheFirstRunMade() {
        ResourcePlugin plugin = ResourceTypes.builtIn().require("OS::Nova::Server");
        Map<String, Object> properties = Properties.validate("vm", plugin.properties(), Map.of("image", imageName,
                "flavor", "1", "networks", List.of(Map.of("allocate_network", "none"))), false);
        List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        PluginContext context = context(alice.userId(), alice.projectId()).recording(recorded::add);
        Applied first = plugin.create("vm", properties, context);
        Applied again = plugin.create("vm", properties, context);
        assertThat(again.physicalId()).isEqualTo(first.physicalId());
        // The engine learnt the server's id while it was building, before the step returned.
        assertThat(recorded).containsExactly(first.physicalId(), first.physicalId());
        assertThat(servers(alice).size()).isEqualTo(1);

        plugin.delete(new ResourceState("vm", first.physicalId(), properties, first.data()), context);
        assertThat(alice.nova().get("/servers/" + first.physicalId()).status()).isEqualTo(404);
    }

    @Test
    void aStackWhoseUserHasNoRoleOnItsProjectCannotAct() {
        ResourcePlugin plugin = ResourceTypes.builtIn().require("OS::Nova::KeyPair");
        Map<String, Object> properties = Properties.validate("k", plugin.properties(), Map.of("name", "nope"), false);
        assertThatThrownBy(() -> plugin.create("k", properties, context(admin.userId(), alice.projectId())))
                .isInstanceOfSatisfying(ResourceFailure.class, f -> assertThat(f.errorType()).isEqualTo("Forbidden"))
                .hasMessageContaining("has no role on project " + alice.projectId());
    }

    @Test
    void aServerNovaCannotPlaceFailsTheStackWithItsFaultAndIsNotLeftBehind() {
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("group", Map.of("type", "OS::Nova::ServerGroup",
                "properties", Map.of("policies", List.of("anti-affinity"))));
        for (int i = 0; i < 4; i++) {
            resources.put("vm" + i, Map.of("type", "OS::Nova::Server", "properties", Map.of("image", imageName,
                    "flavor", "m1.tiny", "networks", List.of(Map.of("allocate_network", "none")),
                    "scheduler_hints", Map.of("group", Map.of("get_resource", "group")))));
        }
        String self = create(admin, "crowded", Map.of("heat_template_version", "2018-08-31", "resources", resources));
        JsonNode stack = admin.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).isEqualTo("CREATE_FAILED");
        assertThat(stack.path("stack_status_reason").asString())
                .as("four servers apart on three hosts").contains("ResourceInError: resources.vm",
                        ": Went to status ERROR due to \"Message: No valid host was found.");
        deleteStack(admin, self);
        assertThat(servers(admin).size()).as("the server in ERROR went too").isZero();
        assertThat(admin.nova().get("/os-server-groups").json().path("server_groups").size()).isZero();
    }

    @Test
    void aFlavorCreateRunAgainTakesOverTheFlavorAndItsAccess() {
        ResourcePlugin plugin = ResourceTypes.builtIn().require("OS::Nova::Flavor");
        Map<String, Object> properties = Properties.validate("f", plugin.properties(), Map.of("ram", 128,
                "vcpus", 1, "is_public", false, "tenants", List.of(alice.projectId()),
                "extra_specs", Map.of("hw:mem_page_size", "small")), false);
        PluginContext context = context(admin.userId(), admin.projectId());
        Applied first = plugin.create("f", properties, context);
        Applied again = plugin.create("f", properties, context);
        assertThat(again.physicalId()).isEqualTo(first.physicalId());
        String path = "/flavors/" + first.physicalId();
        assertThat(admin.nova().get(path + "/os-flavor-access").json().path("flavor_access").size()).isEqualTo(1);
        assertThat(alice.nova().get(path).status()).as("shared with alice's project").isEqualTo(200);

        Map<String, Object> changed = new LinkedHashMap<>(properties);
        changed.put("tenants", List.of());
        changed.put("extra_specs", Map.of("hw:cpu_policy", "dedicated"));
        plugin.update(new ResourceState("f", first.physicalId(), properties, first.data()), changed, context);
        assertThat(admin.nova().get(path + "/os-extra_specs").json().path("extra_specs").toString())
                .isEqualTo("{\"hw:cpu_policy\":\"dedicated\"}");
        assertThat(alice.nova().get(path).status()).as("no longer shared").isEqualTo(404);
        plugin.delete(new ResourceState("f", first.physicalId(), changed, first.data()), context);
        assertThat(admin.nova().get(path).status()).isEqualTo(404);
    }

    @Test
    void aFlavorChangeReplacesTheServer() {
        Map<String, Object> properties = new LinkedHashMap<>(Map.of("image", imageName, "flavor", "m1.tiny",
                "networks", List.of(Map.of("allocate_network", "none"))));
        String self = create(admin, "grow", Map.of("heat_template_version", "2018-08-31",
                "resources", Map.of("vm", Map.of("type", "OS::Nova::Server", "properties", properties))));
        String before = physicalId(admin, self, "vm");
        properties.put("flavor", "m1.small");
        Reply updated = admin.heat().put(self, Map.of("template", Json.write(Map.of("heat_template_version",
                "2018-08-31", "resources", Map.of("vm", Map.of("type", "OS::Nova::Server", "properties", properties))))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(202);
        JsonNode stack = settle(admin, self);
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("UPDATE_COMPLETE");
        String after = physicalId(admin, self, "vm");
        assertThat(after).isNotEqualTo(before);
        assertThat(admin.nova().get("/servers/" + after).json().at("/server/flavor/original_name").asString())
                .isEqualTo("m1.small");
        assertThat(admin.nova().get("/servers/" + before).status()).as("the old server goes").isEqualTo(404);
        deleteStack(admin, self);
        assertThat(admin.nova().get("/servers/" + after).status()).isEqualTo(404);
    }
}
