package dev.overcast.orchestration.api;

/** The shared stack scenarios on the legacy engine. */
class LegacyStackTest extends StackScenarios {
    @Override
    String engine() {
        return "legacy";
    }
}
