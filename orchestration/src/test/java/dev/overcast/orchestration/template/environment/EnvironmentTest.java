package dev.overcast.orchestration.template.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.parameters.ParameterType;

class EnvironmentTest {

    @Test
    void anEnvironmentHasItsSections() {
        Environment env = Environment.parse("""
                parameters: {flavor: m1.small}
                parameter_defaults: {image: cirros}
                resource_registry:
                  My::Server: server.yaml
                encrypted_param_names: [password]
                """);
        assertThat(env.parameters()).isEqualTo(Map.of("flavor", "m1.small"));
        assertThat(env.parameterDefaults()).isEqualTo(Map.of("image", "cirros"));
        assertThat(env.resourceRegistry().resolve("My::Server", "web"))
                .isEqualTo(new ResolvedType.TemplateResource("server.yaml"));
        assertThat(env.encryptedParamNames()).containsExactly("password");
    }

    @Test
    void anUnknownSectionIsRefusedAsHeatWordsIt() {
        assertThatThrownBy(() -> Environment.parse("parameter: {a: b}"))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.type()).isEqualTo(TemplateException.Type.InvalidEnvironment))
                .hasMessage("environment has wrong section \"parameter\"");
    }

    @Test
    void eventSinksAreRefused() {
        assertThatThrownBy(() -> Environment.parse("event_sinks: [{type: zaqar-queue, target: q}]"))
                .hasMessage("event_sinks is not supported.");
    }

    @Test
    void aliasesGlobsAndPerResourceMappingsResolve() {
        ResourceRegistry registry = Environment.parse("""
                resource_registry:
                  My::Group: OS::Heat::ResourceGroup
                  My::Alias: My::Group
                  OS::Networking::*: OS::Neutron::*
                  OS::Old::Thing: null
                  resources:
                    special:
                      OS::Nova::Server: special_server.yaml
                      hooks: [pre-create, pre-delete]
                    db_*:
                      restricted_actions: replace
                """).resourceRegistry();
        assertThat(registry.resolve("My::Alias", "x")).isEqualTo(new ResolvedType.Plugin("OS::Heat::ResourceGroup"));
        assertThat(registry.resolve("OS::Networking::Port", "x")).isEqualTo(new ResolvedType.Plugin("OS::Neutron::Port"));
        assertThat(registry.resolve("OS::Old::Thing", "x")).isEqualTo(new ResolvedType.Unregistered("OS::Old::Thing"));
        assertThat(registry.resolve("OS::Nova::Server", "special"))
                .isEqualTo(new ResolvedType.TemplateResource("special_server.yaml"));
        assertThat(registry.resolve("OS::Nova::Server", "other")).isEqualTo(new ResolvedType.Plugin("OS::Nova::Server"));
        assertThat(registry.resolve("nested.yaml", "x")).isEqualTo(new ResolvedType.TemplateResource("nested.yaml"));
        assertThat(registry.hooks("special")).containsExactly("pre-create", "pre-delete");
        assertThat(registry.restrictedActions("db_main")).containsExactly("replace");
        assertThat(registry.templateFiles()).containsExactly("special_server.yaml");
    }

    @Test
    void aliasesThatLoopAreRefused() {
        ResourceRegistry registry = Environment.parse("""
                resource_registry:
                  A::B: C::D
                  C::D: A::B
                """).resourceRegistry();
        assertThatThrownBy(() -> registry.resolve("A::B", "x"))
                .hasMessage("The resource_registry maps a type to itself: A::B -> C::D -> A::B");
    }

    @Test
    void anUnknownHookIsRefusedAsHeatWordsIt() {
        assertThatThrownBy(() -> Environment.parse("""
                resource_registry:
                  resources:
                    r: {hooks: pre-lunch}
                """)).hasMessage("Invalid hook type \"pre-lunch\" for resource breakpoint, acceptable hook types are: "
                + "('pre-create', 'pre-update', 'pre-delete', 'post-create', 'post-update', 'post-delete')");
        assertThatThrownBy(() -> Environment.parse("""
                resource_registry:
                  resources:
                    r: {restricted_actions: [delete]}
                """)).hasMessage("Invalid restricted_action type \"['delete']\" for resource, acceptable restricted_action "
                + "types are: ('update', 'replace')");
    }

    @Test
    void laterEnvironmentsWinAndRegistriesMergeDeeply() {
        Environment first = Environment.parse("""
                parameters: {a: one, b: one}
                resource_registry:
                  X::A: a.yaml
                  resources:
                    r1: {hooks: pre-create}
                """);
        Environment second = Environment.parse("""
                parameters: {b: two}
                resource_registry:
                  X::B: b.yaml
                  resources:
                    r2: {hooks: pre-update}
                """);
        Environment merged = EnvironmentMerger.merge(List.of(first, second), Map.of());
        assertThat(merged.parameters()).isEqualTo(Map.of("a", "one", "b", "two"));
        assertThat(merged.resourceRegistry().templateFiles()).containsExactlyInAnyOrder("a.yaml", "b.yaml");
        assertThat(merged.resourceRegistry().hooks("r1")).containsExactly("pre-create");
        assertThat(merged.resourceRegistry().hooks("r2")).containsExactly("pre-update");
    }

    @Test
    void mergeStrategiesCombineValuesByType() {
        Environment first = Environment.parse("""
                parameters: {tags: "a,b", config: {x: {y: 1}}, name: web, count: 2}
                """);
        Environment second = Environment.parse("""
                parameters: {tags: "c", config: {x: {z: 2}}, name: "-1", count: 3}
                parameter_merge_strategies: {default: merge, config: deep_merge}
                """);
        Environment merged = EnvironmentMerger.merge(List.of(first, second), Map.of("tags",
                ParameterType.COMMA_DELIMITED_LIST, "config", ParameterType.JSON, "name", ParameterType.STRING,
                "count", ParameterType.NUMBER));
        assertThat(merged.parameters()).isEqualTo(Map.of("tags", "a,b,c", "config", Map.of("x", Map.of("y", 1, "z", 2)),
                "name", "web-1", "count", 5L));
    }

    @Test
    void mergingABooleanIsAnInvalidStrategy() {
        Environment first = Environment.parse("parameters: {flag: true}");
        Environment second = Environment.parse("""
                parameters: {flag: false}
                parameter_merge_strategies: {flag: merge}
                """);
        assertThatThrownBy(() -> EnvironmentMerger.merge(List.of(first, second), Map.of("flag", ParameterType.BOOLEAN)))
                .hasMessage("Invalid merge strategy 'merge' for parameter 'flag'.");
    }

    @Test
    void conflictingStrategiesAreRefused() {
        Environment first = Environment.parse("""
                parameters: {name: a}
                parameter_merge_strategies: {name: merge}
                """);
        Environment second = Environment.parse("""
                parameters: {name: b}
                parameter_merge_strategies: {name: overwrite}
                """);
        assertThatThrownBy(() -> EnvironmentMerger.merge(List.of(first, second), Map.of("name", ParameterType.STRING)))
                .hasMessage("Conflicting merge strategy 'overwrite' for parameter 'name' in file 'environment 2'.");
    }
}
