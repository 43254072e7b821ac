package dev.overcast.orchestration.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoftwareIoTest {
    @Test
    void inputsGetADefaultTypeAndKeepOnlyWhatIsGiven() {
        assertThat(SoftwareIo.inputs(List.of(Map.of("name", "a"),
                Map.of("name", "b", "replace_on_change", "false", "description", "d", "value", 1))))
                .containsExactly(Map.of("name", "a", "type", "String"),
                        Map.of("name", "b", "type", "String", "description", "d", "value", 1));
        assertThat(SoftwareIo.inputs(null)).isEmpty();
    }

    @Test
    void outputsAlwaysSayWhetherTheyAreErrors() {
        assertThat(SoftwareIo.outputs(List.of(Map.of("name", "o", "type", "Json", "error_output", "yes"))))
                .containsExactly(Map.of("name", "o", "type", "Json", "error_output", true));
    }

    @Test
    void malformedSchemasAreRefusedWithHeatsWords() {
        assertThatThrownBy(() -> SoftwareIo.inputs(Map.of())).hasMessage("Software Config I/O Schema must be in a list");
        assertThatThrownBy(() -> SoftwareIo.outputs(List.of(1))).hasMessage("Software Config I/O Schema must be a dict");
        assertThatThrownBy(() -> SoftwareIo.outputs(List.of(Map.of("name", "o", "default", 1))))
                .hasMessage("Unknown Property default");
        assertThatThrownBy(() -> SoftwareIo.inputs(List.of(Map.of("description", "x"))))
                .hasMessage("Property name not assigned");
        assertThatThrownBy(() -> SoftwareIo.inputs(List.of(Map.of("name", "x", "type", "string"))))
                .hasMessageContaining("\"string\" is not an allowed value");
    }
}
