package dev.overcast.compute.flavors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Assertions on flavor bodies. */
final class JsonAssert {
    private JsonAssert() {
    }

    /** The flavor view has exactly these extra spec keys. */
    static void flavorSpecs(JsonNode flavor, String... keys) {
        List<String> names = new ArrayList<>(flavor.get("extra_specs").propertyNames());
        assertThat(names).containsExactlyInAnyOrder(keys);
    }
}
