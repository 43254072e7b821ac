package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.resources.Sleeper;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.server.NovaStackTest.User;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * OS::Neutron::* stacks through the all-in-one on the convergence engine, as a project member
 * sees them in Network: a private network behind a router to {@code public}, a security group, a
 * port a server boots on and a floating IP on that port; renames and new rules in place; nothing
 * left in Network once the stack is gone; Neutron's refusals as the stack's reason.
 */
class NeutronStackTest {
    @TempDir
    static Path dir;
    static Overcast overcast;
    static User bob;
    static ApiClient neutron;
    static String imageName;

    @BeforeAll
    static void start() {
        overcast = Overcast.start(ComputeEndToEndTest.config(dir,
                Map.of("orchestration", Map.of("default_engine", "convergence"))));
        User admin = User.login(overcast, "admin", "pw", "admin");
        ApiClient identity = new ApiClient(overcast.url() + "/identity/v3").withToken(admin.token());
        String project = identity.post("/projects", Map.of("project", Map.of("name", "beta",
                "domain_id", "default"))).json().at("/project/id").asString();
        String user = identity.post("/users", Map.of("user", Map.of("name", "bob", "password", "bobpw",
                "domain_id", "default"))).json().at("/user/id").asString();
        String member = identity.get("/roles?name=member").json().at("/roles/0/id").asString();
        assertThat(identity.put("/projects/" + project + "/users/" + user + "/roles/" + member, null).status())
                .isEqualTo(204);
        bob = User.login(overcast, "bob", "bobpw", "beta");
        neutron = new ApiClient(overcast.url() + "/network/v2.0").withToken(bob.token());
        imageName = new ApiClient(overcast.url() + "/image").withToken(admin.token()).get("/v2/images").json()
                .at("/images/0/name").asString();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.nova().get("/os-hypervisors").json().path("hypervisors").size() == 3);
    }

    @AfterAll
    static void stop() {
        overcast.close();
    }

    private static Map<String, Object> resource(String type, Map<String, Object> properties, String... dependsOn) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", type);
        r.put("properties", properties);
        if (dependsOn.length > 0) {
            r.put("depends_on", List.of(dependsOn));
        }
        return r;
    }

    private static Map<String, Object> ref(String resource) {
        return Map.of("get_resource", resource);
    }

    private static Map<String, Object> attr(Object... path) {
        return Map.of("get_attr", List.of(path));
    }

    /** The application's network: what a user writes to put one server on the internet. */
    private static Map<String, Object> template(String netName, List<Map<String, Object>> rules) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("net", resource("OS::Neutron::Net", Map.of("name", netName)));
        r.put("subnet", resource("OS::Neutron::Subnet", Map.of("network", ref("net"), "cidr", "10.8.0.0/24",
                "dns_nameservers", List.of("8.8.8.8"))));
        r.put("router", resource("OS::Neutron::Router", Map.of("external_gateway_info", Map.of("network", "public"))));
        r.put("router_interface", resource("OS::Neutron::RouterInterface", Map.of("router", ref("router"),
                "subnet", ref("subnet"))));
        r.put("sg", resource("OS::Neutron::SecurityGroup", Map.of("description", "web", "rules", rules)));
        r.put("port", resource("OS::Neutron::Port", Map.of("network", ref("net"),
                "fixed_ips", List.of(Map.of("subnet", ref("subnet"))), "security_groups", List.of(ref("sg")))));
        r.put("server", resource("OS::Nova::Server", Map.of("image", imageName, "flavor", "m1.tiny",
                "networks", List.of(Map.of("port", ref("port"))))));
        r.put("fip", resource("OS::Neutron::FloatingIP", Map.of("floating_network", "public",
                "port_id", ref("port")), "router_interface"));
        r.put("worker", resource("OS::Nova::Server", Map.of("image", imageName, "flavor", "m1.tiny",
                "networks", List.of(Map.of("network", ref("net")))), "subnet"));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("server_ip", Map.of("value", attr("server", "first_address")));
        outputs.put("worker_ip", Map.of("value", attr("worker", "first_address")));
        outputs.put("floating_ip", Map.of("value", attr("fip", "floating_ip_address")));
        outputs.put("port_ip", Map.of("value", attr("port", "fixed_ips", 0, "ip_address")));
        outputs.put("cidr", Map.of("value", attr("subnet", "cidr")));
        outputs.put("mtu", Map.of("value", attr("net", "mtu")));
        outputs.put("gateway", Map.of("value", attr("router", "external_gateway_info", "network_id")));
        return Map.of("heat_template_version", "2018-08-31", "resources", r, "outputs", outputs);
    }

    private static Map<String, Object> rule(String protocol, Integer port) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("protocol", protocol);
        if (port != null) {
            rule.put("port_range_min", port);
            rule.put("port_range_max", port);
        }
        rule.put("remote_ip_prefix", "0.0.0.0/0");
        return rule;
    }

    private static String create(String name, Map<String, Object> template) {
        Reply created = bob.heat().post("/stacks", Map.of("stack_name", name, "template", Json.write(template)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String self = "/stacks/" + name + "/" + created.json().at("/stack/id").asString();
        settle(self);
        return self;
    }

    private static JsonNode settle(String self) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                !bob.heat().get(self).json().at("/stack/stack_status").asString().endsWith("IN_PROGRESS"));
        return bob.heat().get(self).json().path("stack");
    }

    private static void deleteStack(String self) {
        assertThat(bob.heat().delete(self).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(120)).until(() -> bob.heat().get(self).status() == 404
                || bob.heat().get(self).json().at("/stack/stack_status").asString().equals("DELETE_COMPLETE"));
    }

    private static Map<String, JsonNode> outputs(JsonNode stack) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        stack.path("outputs").forEach(o -> out.put(o.path("output_key").asString(), o.path("output_value")));
        return out;
    }

    private static String physicalId(String self, String resource) {
        return bob.heat().get(self + "/resources/" + resource).json().at("/resource/physical_resource_id")
                .asString();
    }

    /** @return the project's own resources of a collection, as Network lists them */
    private static JsonNode own(String collection) {
        return neutron.get("/" + collection + "?project_id=" + bob.projectId()).json()
                .path(collection.replace('-', '_'));
    }

    private static List<String> protocols(String group) {
        List<String> out = new ArrayList<>();
        neutron.get("/security-groups/" + group).json().at("/security_group/security_group_rules")
                .forEach(r -> out.add(r.path("direction").asString() + ":" + r.path("protocol").asString("any")
                        + ":" + r.path("port_range_min").asString("-")));
        return out;
    }

    @Test
    void aServerBehindARouterWithAFloatingIpLivesUpdatesInPlaceAndLeavesNothingInNetwork() {
        String self = create("app", template("app-net", List.of(rule("tcp", 22))));
        JsonNode stack = bob.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("CREATE_COMPLETE");
        Map<String, JsonNode> out = outputs(stack);
        assertThat(out.get("server_ip").asString()).startsWith("10.8.0.").isEqualTo(out.get("port_ip").asString());
        assertThat(out.get("worker_ip").asString()).startsWith("10.8.0.");
        assertThat(out.get("floating_ip").asString()).startsWith("172.24.4.");
        assertThat(out.get("cidr").asString()).isEqualTo("10.8.0.0/24");
        assertThat(out.get("mtu").asInt()).isEqualTo(1450);
        String publicId = neutron.get("/networks?name=public").json().at("/networks/0/id").asString();
        assertThat(out.get("gateway").asString()).isEqualTo(publicId);

        String net = physicalId(self, "net");
        String subnet = physicalId(self, "subnet");
        String router = physicalId(self, "router");
        String port = physicalId(self, "port");
        String sg = physicalId(self, "sg");
        assertThat(physicalId(self, "router_interface")).isEqualTo(router + ":subnet_id=" + subnet);
        JsonNode fip = neutron.get("/floatingips/" + physicalId(self, "fip")).json().path("floatingip");
        assertThat(fip.path("port_id").asString()).isEqualTo(port);
        assertThat(fip.path("router_id").asString()).isEqualTo(router);
        JsonNode portBody = neutron.get("/ports/" + port).json().path("port");
        assertThat(portBody.path("device_id").asString()).isEqualTo(physicalId(self, "server"));
        assertThat(portBody.path("security_groups").get(0).asString()).isEqualTo(sg);
        assertThat(neutron.get("/subnets/" + subnet).json().at("/subnet/dns_nameservers/0").asString())
                .isEqualTo("8.8.8.8");
        assertThat(protocols(sg)).containsExactlyInAnyOrder("ingress:tcp:22", "egress:any:-", "egress:any:-");
        JsonNode server = bob.nova().get("/servers/" + physicalId(self, "server")).json().path("server");
        assertThat(server.at("/addresses/app-net").toString()).contains(out.get("floating_ip").asString());

        Reply updated = bob.heat().put(self, Map.of("template", Json.write(template("renamed-net",
                List.of(rule("tcp", 22), rule("icmp", null), Map.of("direction", "egress", "protocol", "tcp",
                        "port_range_min", 443, "port_range_max", 443))))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(202);
        stack = settle(self);
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("UPDATE_COMPLETE");
        assertThat(physicalId(self, "net")).as("renamed in place").isEqualTo(net);
        assertThat(physicalId(self, "sg")).as("new rules in place").isEqualTo(sg);
        assertThat(physicalId(self, "port")).isEqualTo(port);
        assertThat(neutron.get("/networks/" + net).json().at("/network/name").asString()).isEqualTo("renamed-net");
        assertThat(protocols(sg)).as("an egress rule of its own replaces the defaults, as in Heat")
                .containsExactlyInAnyOrder("ingress:tcp:22", "ingress:icmp:-", "egress:tcp:443");

        deleteStack(self);
        assertThat(own("networks").size()).as("no networks left").isZero();
        assertThat(own("subnets").size()).as("no subnets left").isZero();
        assertThat(own("ports").size()).as("no ports left").isZero();
        assertThat(own("routers").size()).as("no routers left").isZero();
        assertThat(own("floatingips").size()).as("no floating IPs left").isZero();
        assertThat(own("security-groups")).as("only the project's default group is left")
                .allMatch(g -> g.path("name").asString().equals("default"));
        assertThat(bob.nova().get("/servers").json().path("servers").size()).isZero();
    }

    private static Map<String, Object> portTemplate(Map<String, Object> portProperties, boolean gateway) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("net", resource("OS::Neutron::Net", Map.of()));
        r.put("subnet", resource("OS::Neutron::Subnet", Map.of("network", ref("net"), "cidr", "10.6.0.0/24")));
        r.put("router", resource("OS::Neutron::Router", gateway
                ? Map.of("name", "edge", "external_gateway_info", Map.of("network", "public")) : Map.of("name", "edge")));
        Map<String, Object> port = new LinkedHashMap<>(portProperties);
        port.put("network", ref("net"));
        r.put("port", resource("OS::Neutron::Port", port, "subnet"));
        return Map.of("heat_template_version", "2018-08-31", "resources", r, "outputs", Map.of("mac",
                Map.of("value", attr("port", "mac_address"))));
    }

    @Test
    void portsAndRoutersChangeInPlaceAndAFloatingIpAssociationComesAndGoes() {
        String self = create("ports", portTemplate(Map.of("name", "p1"), true));
        JsonNode stack = bob.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("CREATE_COMPLETE");
        String port = physicalId(self, "port");
        String router = physicalId(self, "router");
        String mac = outputs(stack).get("mac").asString();
        assertThat(neutron.get("/ports/" + port).json().at("/port/fixed_ips/0/ip_address").asString())
                .as("a port without fixed_ips waits for the subnet it depends on").startsWith("10.6.0.");
        assertThat(neutron.get("/routers/" + router).json().at("/router/external_gateway_info/network_id").isString())
                .isTrue();

        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("name", "p2");
        changed.put("fixed_ips", List.of(Map.of("subnet", ref("subnet"), "ip_address", "10.6.0.50")));
        changed.put("allowed_address_pairs", List.of(Map.of("ip_address", "10.6.0.200")));
        changed.put("security_groups", List.of());
        Reply updated = bob.heat().put(self, Map.of("template", Json.write(portTemplate(changed, false))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(202);
        stack = settle(self);
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("UPDATE_COMPLETE");
        assertThat(physicalId(self, "port")).isEqualTo(port);
        assertThat(physicalId(self, "router")).isEqualTo(router);
        JsonNode portBody = neutron.get("/ports/" + port).json().path("port");
        assertThat(portBody.path("name").asString()).isEqualTo("p2");
        assertThat(portBody.path("mac_address").asString()).isEqualTo(mac);
        assertThat(portBody.at("/fixed_ips/0/ip_address").asString()).isEqualTo("10.6.0.50");
        assertThat(portBody.path("fixed_ips").size()).isEqualTo(1);
        assertThat(portBody.at("/allowed_address_pairs/0/ip_address").asString()).isEqualTo("10.6.0.200");
        assertThat(portBody.path("security_groups").size()).isZero();
        assertThat(neutron.get("/routers/" + router).json().at("/router/external_gateway_info").isNull())
                .as("the gateway cleared in place").isTrue();
        deleteStack(self);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("net", resource("OS::Neutron::Net", Map.of()));
        r.put("subnet", resource("OS::Neutron::Subnet", Map.of("network", ref("net"), "cidr", "10.5.0.0/24")));
        r.put("router", resource("OS::Neutron::Router", Map.of("external_gateway_info", Map.of("network", "public"))));
        r.put("ri", resource("OS::Neutron::RouterInterface", Map.of("router", ref("router"), "subnet", ref("subnet"))));
        r.put("port", resource("OS::Neutron::Port", Map.of("network", ref("net"),
                "fixed_ips", List.of(Map.of("subnet", ref("subnet")))), "ri"));
        r.put("fip", resource("OS::Neutron::FloatingIP", Map.of("floating_network", "public")));
        r.put("association", resource("OS::Neutron::FloatingIPAssociation", Map.of("floatingip_id", ref("fip"),
                "port_id", ref("port"))));
        self = create("associated", Map.of("heat_template_version", "2018-08-31", "resources", r));
        stack = bob.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("CREATE_COMPLETE");
        String fip = physicalId(self, "fip");
        assertThat(physicalId(self, "association")).isEqualTo(fip);
        assertThat(neutron.get("/floatingips/" + fip).json().at("/floatingip/port_id").asString())
                .isEqualTo(physicalId(self, "port"));
        deleteStack(self);
        assertThat(own("floatingips").size()).isZero();
        assertThat(own("routers").size()).isZero();
    }

    @Test
    void aBadCidrFailsTheStackWithNeutronsMessage() {
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("net", resource("OS::Neutron::Net", Map.of()));
        resources.put("subnet", resource("OS::Neutron::Subnet", Map.of("network", ref("net"),
                "cidr", "10.0.0.0/33")));
        String self = create("bad-cidr", Map.of("heat_template_version", "2018-08-31", "resources", resources));
        JsonNode stack = bob.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).isEqualTo("CREATE_FAILED");
        assertThat(stack.path("stack_status_reason").asString()).isEqualTo("Resource CREATE failed: BadRequest:"
                + " resources.subnet: Invalid input for cidr. Reason: '10.0.0.0/33' is not a valid IP subnet.");
        String net = physicalId(self, "net");
        assertThat(neutron.get("/networks/" + net).json().at("/network/name").asString()).as("Heat's physical name")
                .startsWith("bad-cidr-net-");
        deleteStack(self);
        assertThat(neutron.get("/networks/" + net).status()).isEqualTo(404);
    }

    @Test
    void namesResolveThroughTheApiAndAmbiguousOrMissingNamesFailClearly() {
        for (int i = 0; i < 2; i++) {
            assertThat(neutron.post("/networks", Map.of("network", Map.of("name", "twin"))).status()).isEqualTo(201);
        }
        Map<String, Object> twin = Map.of("heat_template_version", "2018-08-31", "resources",
                Map.of("port", resource("OS::Neutron::Port", Map.of("network", "twin"))));
        String self = create("ambiguous", twin);
        assertThat(bob.heat().get(self).json().at("/stack/stack_status_reason").asString()).isEqualTo(
                "Resource CREATE failed: NeutronClientNoUniqueMatch: resources.port: Multiple network matches found"
                        + " for name 'twin', use an ID to be more specific.");
        deleteStack(self);

        Map<String, Object> missing = Map.of("heat_template_version", "2018-08-31", "resources",
                Map.of("port", resource("OS::Neutron::Port", Map.of("network", "nowhere"))));
        self = create("missing", missing);
        assertThat(bob.heat().get(self).json().at("/stack/stack_status_reason").asString()).isEqualTo(
                "Resource CREATE failed: NotFound: resources.port: Unable to find network with name or id 'nowhere'");
        deleteStack(self);

        Map<String, Object> named = new LinkedHashMap<>();
        named.put("sg", resource("OS::Neutron::SecurityGroup", Map.of("name", "named-sg")));
        named.put("rule", resource("OS::Neutron::SecurityGroupRule", Map.of("security_group", "named-sg",
                "protocol", "udp", "port_range_min", 53, "port_range_max", 53), "sg"));
        named.put("port", resource("OS::Neutron::Port", Map.of("network", "public",
                "security_groups", List.of("named-sg", "default")), "sg"));
        self = create("by-name", Map.of("heat_template_version", "2018-08-31", "resources", named));
        JsonNode stack = bob.heat().get(self).json().path("stack");
        assertThat(stack.path("stack_status").asString()).as(stack.path("stack_status_reason").asString())
                .isEqualTo("CREATE_COMPLETE");
        String sg = physicalId(self, "sg");
        assertThat(protocols(sg)).contains("ingress:udp:53");
        assertThat(neutron.get("/ports/" + physicalId(self, "port")).json().at("/port/security_groups").size())
                .isEqualTo(2);
        deleteStack(self);
        assertThat(neutron.get("/security-groups/" + sg).status()).isEqualTo(404);
        own("networks").forEach(n -> neutron.delete("/networks/" + n.path("id").asString()));
    }

    @Test
    void neutronParameterConstraintsAskNetworkAsTheRequestingUser() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String kind : List.of("network", "subnet", "port", "router", "security_group")) {
            parameters.put(kind, Map.of("type", "string", "constraints",
                    List.of(Map.of("custom_constraint", "neutron." + kind))));
        }
        String template = Json.write(Map.of("heat_template_version", "2018-08-31", "parameters", parameters,
                "resources", Map.of("nothing", Map.of("type", "OS::Heat::None"))));
        String net = neutron.post("/networks", Map.of("network", Map.of("name", "checked"))).json()
                .at("/network/id").asString();
        String subnet = neutron.post("/subnets", Map.of("subnet", Map.of("network_id", net, "cidr", "10.9.0.0/24",
                "ip_version", 4, "name", "checked-subnet"))).json().at("/subnet/id").asString();
        String port = neutron.post("/ports", Map.of("port", Map.of("network_id", net, "name", "checked-port")))
                .json().at("/port/id").asString();
        String router = neutron.post("/routers", Map.of("router", Map.of("name", "checked-router"))).json()
                .at("/router/id").asString();
        Map<String, Object> good = Map.of("network", "checked", "subnet", subnet, "port", "checked-port",
                "router", "checked-router", "security_group", "default");
        Reply valid = bob.heat().post("/validate", Map.of("template", template, "parameters", good));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);

        Map<String, Object> bad = new LinkedHashMap<>(good);
        bad.put("router", "no-router");
        Reply refused = bob.heat().post("/validate", Map.of("template", template, "parameters", bad));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/message").asString()).isEqualTo("Parameter 'router' is invalid: "
                + "Error validating value 'no-router': Unable to find router with name or id 'no-router'");
        neutron.delete("/ports/" + port);
        neutron.delete("/routers/" + router);
        neutron.delete("/networks/" + net);
    }

    /** The stack a plugin acts for: bob's, in his project. */
    private static PluginContext context() {
        Clock clock = Clock.systemUTC();
        StackRow stack = new StackRow(UUID.randomUUID().toString(), "direct", bob.projectId(), bob.userId(), null,
                "CREATE", "IN_PROGRESS", "", "{}", Map.of(), Map.of(), Map.of(), List.of(), true, null, "legacy", null,
                null, clock.instant(), null, null);
        TokenCodec tokens = new TokenCodec(SigningKeys.loadOrCreate(dir.resolve("keys"), clock),
                new RevocationList(clock, Duration.ofHours(1)), clock);
        return new PluginContext(clock, Sleeper.REAL, new Random(7), stack,
                PluginServices.NONE.with(Cloud.class, new Cloud(overcast.url(), tokens, clock, Duration.ofSeconds(30))));
    }

    private static Applied twice(String type, Map<String, Object> given, PluginContext context) {
        ResourcePlugin plugin = ResourceTypes.builtIn().require(type);
        Map<String, Object> properties = Properties.validate("r", plugin.properties(), given, false);
        Applied first = plugin.create("r", properties, context);
        Applied again = plugin.create("r", properties, context);
        assertThat(again.physicalId()).as(type + " run again takes over what the first run made")
                .isEqualTo(first.physicalId());
        return first;
    }

    @Test
    void createsRunAgainTakeOverWhatTheFirstRunMade() {
        PluginContext context = context();
        Applied net = twice("OS::Neutron::Net", Map.of("name", "again"), context);
        Applied unnamed = twice("OS::Neutron::Net", Map.of(), context);
        Applied subnet = twice("OS::Neutron::Subnet", Map.of("network", net.physicalId(), "cidr", "10.7.0.0/24"),
                context);
        Applied port = twice("OS::Neutron::Port", Map.of("network", "again"), context);
        Applied sg = twice("OS::Neutron::SecurityGroup", Map.of("rules", List.of(rule("tcp", 80))), context);
        Applied rule = twice("OS::Neutron::SecurityGroupRule", Map.of("security_group", sg.physicalId(),
                "protocol", "tcp", "port_range_min", 8080, "port_range_max", 8080), context);
        Applied router = twice("OS::Neutron::Router", Map.of(), context);
        Applied routerInterface = twice("OS::Neutron::RouterInterface", Map.of("router", router.physicalId(),
                "subnet", subnet.physicalId()), context);
        assertThat(own("networks").size()).isEqualTo(2);
        assertThat(own("ports").size()).as("the port and the router's interface").isEqualTo(2);
        assertThat(protocols(sg.physicalId())).containsExactlyInAnyOrder("ingress:tcp:80", "ingress:tcp:8080",
                "egress:any:-", "egress:any:-");

        ResourceTypes types = ResourceTypes.builtIn();
        types.require("OS::Neutron::RouterInterface").delete(state(routerInterface), context);
        types.require("OS::Neutron::RouterInterface").delete(state(routerInterface), context);
        types.require("OS::Neutron::Router").delete(state(router), context);
        types.require("OS::Neutron::SecurityGroupRule").delete(state(rule), context);
        types.require("OS::Neutron::Port").delete(state(port), context);
        types.require("OS::Neutron::SecurityGroup").delete(state(sg), context);
        types.require("OS::Neutron::Net").delete(state(net), context);
        types.require("OS::Neutron::Net").delete(state(unnamed), context);
        types.require("OS::Neutron::Net").delete(state(net), context);
        assertThat(own("networks").size()).isZero();
        assertThat(own("routers").size()).isZero();
    }

    private static ResourceState state(Applied applied) {
        return new ResourceState("r", applied.physicalId(), Map.of(), applied.data());
    }
}
