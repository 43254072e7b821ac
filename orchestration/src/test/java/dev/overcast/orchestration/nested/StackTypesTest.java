package dev.overcast.orchestration.nested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.template.TemplateException;

/** The types a stack sees: the deployment's, through its environment's resource_registry. */
class StackTypesTest {
    private static StackRow stack(Map<String, String> files, Map<String, Object> environment) {
        return new StackRow("id", "s", "p", "u", null, "CREATE", "IN_PROGRESS", "", "", files, environment,
                Map.of(), List.of(), true, null, "legacy", null, null, Instant.EPOCH, null, null);
    }

    @Test
    void aliasesTemplateFilesAndUnregisteredTypesResolveInTheStacksRegistry() {
        String child = """
                heat_template_version: 2018-08-31
                parameters:
                  size: {type: number, default: 1}
                  name: {type: string}
                outputs:
                  out: {value: 1}
                """;
        ResourceTypes types = ResourceTypes.builtIn().forStack(stack(Map.of("c.yaml", child), Map.of(
                "resource_registry", Map.of("My::Value", "OS::Heat::Value", "My::Child", "c.yaml"))));
        assertThat(types.find("My::Value").map(ResourcePlugin::type)).contains("OS::Heat::Value");
        ResourcePlugin templated = types.require("My::Child");
        assertThat(templated.type()).isEqualTo("My::Child");
        assertThat(templated.properties().get("name").required()).isTrue();
        assertThat(templated.properties().get("size").required()).isFalse();
        assertThat(templated.acceptsAttribute("out")).isTrue();
        assertThat(templated.acceptsAttribute("OS::stack_id")).isTrue();
        assertThat(templated.acceptsAttribute("nope")).isFalse();
        assertThat(types.find("c.yaml")).isPresent();
        assertThat(types.find("missing.yaml")).isEmpty();
        assertThat(ResourceTypes.builtIn().find("My::Value")).isEmpty();
    }

    @Test
    void aTypeTheRegistryUnregistersIsNotFound() {
        Map<String, Object> registry = new java.util.HashMap<>();
        registry.put("OS::Heat::None", null);
        ResourceTypes types = ResourceTypes.builtIn().forStack(stack(Map.of(), Map.of("resource_registry", registry)));
        assertThat(types.find("OS::Heat::None")).isEmpty();
        assertThatThrownBy(() -> types.require("OS::Heat::None")).isInstanceOf(TemplateException.class)
                .hasMessage("The Resource Type (OS::Heat::None) could not be found.");
    }

    @Test
    void aTemplateFileThatIsNoTemplateIsRefused() {
        ResourceTypes types = ResourceTypes.builtIn().forStack(stack(Map.of("bad.yaml", "just: text"), Map.of()));
        assertThatThrownBy(() -> types.find("bad.yaml")).isInstanceOf(TemplateException.class);
    }
}
