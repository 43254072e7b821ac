package dev.overcast.orchestration.nested;

/** The nested stack scenarios on the legacy engine. */
class LegacyNestedStackTest extends NestedStackScenarios {
    @Override
    String engine() {
        return "legacy";
    }
}
