package dev.overcast.orchestration.api;

/** The shared stack scenarios on the convergence engine. */
class ConvergenceStackTest extends StackScenarios {
    @Override
    String engine() {
        return "convergence";
    }
}
