package dev.overcast.orchestration.snapshots;

/** Abandon, adopt and snapshots on the convergence engine. */
class ConvergenceSnapshotTest extends SnapshotScenarios {
    @Override
    String engine() {
        return "convergence";
    }
}
