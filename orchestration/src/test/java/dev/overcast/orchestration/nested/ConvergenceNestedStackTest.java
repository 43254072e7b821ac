package dev.overcast.orchestration.nested;

/** The nested stack scenarios on the convergence engine. */
class ConvergenceNestedStackTest extends NestedStackScenarios {
    @Override
    String engine() {
        return "convergence";
    }
}
