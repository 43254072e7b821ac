package dev.overcast.orchestration.snapshots;

/** Abandon, adopt and snapshots on the legacy engine. */
class LegacySnapshotTest extends SnapshotScenarios {
    @Override
    String engine() {
        return "legacy";
    }
}
