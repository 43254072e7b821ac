package dev.overcast.orchestration.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.environment.ResolvedType;
import dev.overcast.orchestration.template.parameters.CustomConstraintResult;
import dev.overcast.orchestration.template.parameters.PseudoParameters;

/** The issue's scenario and other whole templates, end to end through {@link Template}. */
class WholeTemplateTest {

    private static final String APP = """
            heat_template_version: 2018-08-31
            description: Three web servers in an anti-affinity group, a secret, and a scalable group
            parameter_groups:
              - label: Servers
                parameters: [flavor, image, key_name]
              - label: Scale
                parameters: [worker_count]
            parameters:
              flavor:
                type: string
                default: m1.small
                constraints:
                  - custom_constraint: nova.flavor
              image: {type: string, default: cirros, constraints: [{custom_constraint: glance.image}]}
              key_name: {type: string, default: ""}
              worker_count:
                type: number
                default: 3
                constraints:
                  - range: {min: 1, max: 10}
                    description: between 1 and 10 workers
            conditions:
              has_key: {not: {equals: [{get_param: key_name}, ""]}}
            resources:
              secret:
                type: OS::Heat::RandomString
                properties: {length: 16}
              group:
                type: OS::Nova::ServerGroup
                properties: {policies: [anti-affinity]}
              server1: &server
                type: OS::Nova::Server
                properties:
                  flavor: {get_param: flavor}
                  image: {get_param: image}
                  key_name: {if: [has_key, {get_param: key_name}, null]}
                  scheduler_hints: {group: {get_resource: group}}
                  user_data:
                    str_replace:
                      template: "echo $SECRET > /etc/secret"
                      params: {$SECRET: {get_attr: [secret, value]}}
              server2: *server
              server3: *server
              workers:
                type: OS::Heat::ResourceGroup
                depends_on: [server1, server2, server3]
                properties:
                  count: {get_param: worker_count}
                  resource_def:
                    type: OS::Nova::Server
                    properties:
                      name: worker-%index%
                      flavor: {get_param: flavor}
                      image: {get_param: image}
            outputs:
              server_ips:
                description: the first address of each server
                value:
                  - {get_attr: [server1, first_address]}
                  - {get_attr: [server2, first_address]}
                  - {get_attr: [server3, first_address]}
              worker_names: {value: {get_attr: [workers, name]}}
              stack: {value: {get_param: "OS::stack_name"}}
            """;

    private static TemplateInput app() {
        return TemplateInput.of(APP)
                .withConstraints((name, value) -> new CustomConstraintResult.Valid())
                .withPseudoParameters(new PseudoParameters("0d3c", "demo", "p1"));
    }

    @Test
    void theIssueScenarioParsesValidatesAndGivesTheRightGraph() {
        Template t = Template.parse(app().withParameters(Map.of("worker_count", "5")));
        assertThat(t.resources()).containsOnlyKeys("secret", "group", "server1", "server2", "server3", "workers");
        DependencyGraph g = t.dependencies();
        for (String server : List.of("server1", "server2", "server3")) {
            assertThat(g.requires(server)).containsExactlyInAnyOrder("group", "secret");
        }
        assertThat(g.requires("workers")).containsExactlyInAnyOrder("server1", "server2", "server3");
        assertThat(g.createLevels()).containsExactly(List.of("secret", "group"), List.of("server1", "server2", "server3"),
                List.of("workers"));
        assertThat(g.deleteOrder().get(0)).isEqualTo("workers");
        assertThat(t.conditions()).containsEntry("has_key", false);
    }

    @Test
    void theIssueScenarioResolvesAgainstAnEngine() {
        Template t = Template.parse(app().withParameters(Map.of("worker_count", "5", "key_name", "mine")));
        Hot.FakeRuntime engine = new Hot.FakeRuntime();
        Map<String, Object> server = t.resource("server2").resolveProperties(engine);
        assertThat(server).containsEntry("flavor", "m1.small").containsEntry("key_name", "mine")
                .containsEntry("scheduler_hints", Map.of("group", "group-id"));
        Map<String, Object> group = t.resource("workers").resolveProperties(engine);
        assertThat(group).containsEntry("count", 5);
        assertThat(t.outputs().get("server_ips").resolve(engine)).isEqualTo(List.of("10.0.0.5", "10.0.0.5", "10.0.0.5"));
        assertThat(t.outputs().get("stack").resolve(engine)).isEqualTo("demo");
        assertThat(t.parameters().display()).containsEntry("OS::stack_id", "0d3c").containsEntry("worker_count", "5");
    }

    @Test
    void scalingBeyondTheRangeIsRefusedWithTheConstraintsDescription() {
        assertThatThrownBy(() -> Template.parse(app().withParameters(Map.of("worker_count", 11))))
                .hasMessage("Parameter 'worker_count' is invalid: between 1 and 10 workers");
    }

    @Test
    void aTemplateResourceIsMappedThroughTheEnvironment() {
        String parent = """
                heat_template_version: 2016-10-14
                resources:
                  app: {type: My::App, properties: {size: 2}}
                  db: {type: db.yaml}
                """;
        Template t = Template.parse(TemplateInput.of(parent)
                .withEnvironment(Environment.parse("resource_registry: {My::App: app.yaml}"))
                .withFiles(Map.of("app.yaml", "heat_template_version: 2016-10-14", "db.yaml", "x")));
        assertThat(t.environment().resourceRegistry().resolve("My::App", "app"))
                .isEqualTo(new ResolvedType.TemplateResource("app.yaml"));
        assertThat(t.environment().resourceRegistry().resolve(t.resource("db").type(), "db"))
                .isEqualTo(new ResolvedType.TemplateResource("db.yaml"));
    }

    @Test
    void aParameterAndAResourceMayNotShareAName() {
        assertThatThrownBy(() -> Hot.parse("""
                heat_template_version: 2016-10-14
                parameters:
                  web: {type: string, default: x}
                resources:
                  web: {type: OS::Heat::None}
                """)).hasMessage("Duplicate names {'web'}");
    }

    @Test
    void aJsonTemplateWorksTheSameWay() {
        Template t = Hot.parse("""
                {
                  "heat_template_version": "2016-10-14",
                  "parameters": {"n": {"type": "number", "default": 2}},
                  "resources": {
                    "a": {"type": "OS::Heat::TestResource", "properties": {"value": {"get_param": "n"}}},
                    "b": {"type": "OS::Heat::TestResource", "depends_on": "a"}
                  }
                }
                """);
        assertThat(t.dependencies().createOrder()).containsExactly("a", "b");
        assertThat(t.resource("a").resolveProperties(new Hot.FakeRuntime())).containsEntry("value", 2);
    }

    @Test
    void aTwoHundredResourceChainParses() {
        StringBuilder text = new StringBuilder("heat_template_version: 2016-10-14\nresources:\n");
        text.append("  r0: {type: OS::Heat::TestResource}\n");
        for (int i = 1; i < 200; i++) {
            text.append("  r").append(i).append(": {type: OS::Heat::TestResource, properties: {value: {get_attr: [r")
                    .append(i - 1).append(", output]}}}\n");
        }
        DependencyGraph g = Hot.parse(text.toString()).dependencies();
        assertThat(g.createLevels()).hasSize(200);
        assertThat(g.createOrder().get(199)).isEqualTo("r199");
    }
}
