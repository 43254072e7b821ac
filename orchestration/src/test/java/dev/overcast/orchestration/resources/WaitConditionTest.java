package dev.overcast.orchestration.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The handle's bookkeeping of signals and the wait condition's decision, without a server. */
class WaitConditionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ResourcePlugin handle = ResourceTypes.builtIn().require(WaitConditionHandle.TYPE);

    private ResourceState signalled(ResourceState state, Map<String, Object> details) {
        return new ResourceState(state.name(), state.physicalId(), state.properties(),
                handle.signal(state, details, null));
    }

    private static ResourceState fresh() {
        return new ResourceState("h", "user", Map.of(), Map.of("token", "t", "endpoint", "e", "signals", Map.of()));
    }

    @Test
    void missingKeysGetHeatsDefaultsNumberedByArrival() {
        ResourceState once = signalled(fresh(), Map.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", "FAILURE");
        data.put("reason", "disk full");
        assertThat(handle.signalReason(once, data)).isEqualTo("Signal: status:FAILURE reason:disk full");
        assertThat(handle.signalReason(once, Map.of())).isEqualTo("Signal: status:SUCCESS reason:Signal 2 received");
        ResourceState twice = signalled(once, Map.of("data", "ready", "id", 7));
        assertThat(WaitConditionHandle.signals(twice.data())).containsExactly(
                new WaitConditionHandle.Signal("1", null, "Signal 1 received", "SUCCESS"),
                new WaitConditionHandle.Signal("7", "ready", "Signal 2 received", "SUCCESS"));
        assertThat(twice.data()).containsEntry("token", "t").containsEntry("endpoint", "e");
    }

    @Test
    void aSignalWithTheSameIdReplacesTheEarlierOne() {
        ResourceState state = signalled(signalled(fresh(), Map.of("id", "a", "data", 1)), Map.of("id", "a", "data", 2));
        assertThat(WaitConditionHandle.signals(state.data())).extracting(WaitConditionHandle.Signal::data)
                .containsExactly(2);
    }

    @Test
    void unknownKeysAndStatusesAreRefusedAsHeatRefusesThem() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("status", "DONE"),
                Map.of("state", "SUCCESS"), Map.of("status", "success"))) {
            assertThatThrownBy(() -> handle.signal(fresh(), bad, null)).isInstanceOf(ResourceFailure.class)
                    .hasMessage("Metadata format invalid")
                    .satisfies(e -> assertThat(((ResourceFailure) e).errorType()).isEqualTo("ValueError"));
        }
    }

    @Test
    void theWaitEndsWhenCountSignalsArrivedAndKeepsTheirDataAsJson() {
        List<WaitConditionHandle.Signal> two = List.of(new WaitConditionHandle.Signal("1", "a", "r1", "SUCCESS"),
                new WaitConditionHandle.Signal("x", null, "r2", "SUCCESS"));
        assertThat(WaitCondition.decide(two.subList(0, 1), 2, Duration.ZERO, TIMEOUT))
                .isEqualTo(new WaitCondition.Outcome.Waiting());
        assertThat(WaitCondition.decide(two, 2, Duration.ZERO, TIMEOUT))
                .isEqualTo(new WaitCondition.Outcome.Done("{\"1\": \"a\", \"x\": null}"));
    }

    @Test
    void aFailureSignalFailsTheWaitWithEveryFailureReason() {
        List<WaitConditionHandle.Signal> signals = List.of(new WaitConditionHandle.Signal("1", null, "ok", "SUCCESS"),
                new WaitConditionHandle.Signal("2", null, "bad", "FAILURE"),
                new WaitConditionHandle.Signal("3", null, "worse", "FAILURE"));
        assertThat(WaitCondition.decide(signals, 1, Duration.ZERO, TIMEOUT))
                .isEqualTo(new WaitCondition.Outcome.Failed("WaitConditionFailure", "bad;worse"));
    }

    @Test
    void theTimeoutCountsTheSuccessesAndNamesTheirReasons() {
        Duration late = TIMEOUT.plusMillis(1);
        assertThat(WaitCondition.decide(List.of(), 3, late, TIMEOUT))
                .isEqualTo(new WaitCondition.Outcome.Failed("WaitConditionTimeout", "0 of 3 received"));
        List<WaitConditionHandle.Signal> two = List.of(new WaitConditionHandle.Signal("1", null, "r1", "SUCCESS"),
                new WaitConditionHandle.Signal("2", null, "r2", "SUCCESS"));
        assertThat(WaitCondition.decide(two, 3, late, TIMEOUT))
                .isEqualTo(new WaitCondition.Outcome.Failed("WaitConditionTimeout", "2 of 3 received - r1;r2"));
        assertThat(WaitCondition.decide(two, 3, TIMEOUT, TIMEOUT)).isEqualTo(new WaitCondition.Outcome.Waiting());
    }

    /** A stack whose resources a test sets, as {@link ResourceData} reads them. */
    private static final class Resources implements ResourceData {
        volatile Found handle;

        @Override
        public java.util.Optional<Found> byReference(String stackId, String referenceId) {
            return java.util.Optional.ofNullable(handle).filter(h -> h.state().physicalId().equals(referenceId));
        }

        @Override
        public boolean deleting(String stackId) {
            return false;
        }
    }

    private static PluginContext context(Resources resources, dev.overcast.testkit.MutableClock clock,
            Sleeper sleeper) {
        return new PluginContext(clock, sleeper, new java.util.Random(1),
                new dev.overcast.orchestration.stacks.StackRow("id", "s", "p", "u", null, "CREATE", "IN_PROGRESS", "",
                        "", Map.of(), Map.of(), Map.of(), List.of(), true, null, "legacy", null, null,
                        java.time.Instant.EPOCH, null, null),
                PluginServices.NONE.with(ResourceData.class, resources));
    }

    @Test
    void theWaitPollsTheHandleUntilItsSignalsArrive() {
        ResourcePlugin wait = ResourceTypes.builtIn().require("OS::Heat::WaitCondition");
        Resources resources = new Resources();
        resources.handle = new ResourceData.Found(WaitConditionHandle.TYPE, fresh());
        var clock = dev.overcast.testkit.MutableClock.startingNow();
        List<Duration> sleeps = new java.util.ArrayList<>();
        PluginContext context = context(resources, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
            if (sleeps.size() == 3) {
                resources.handle = new ResourceData.Found(WaitConditionHandle.TYPE,
                        signalled(fresh(), Map.of("data", "up")));
            }
        });
        Map<String, Object> properties = Properties.validate("wait", wait.properties(),
                Map.of("handle", "user", "timeout", 60), false);
        Applied applied = wait.create("wait", properties, context);
        assertThat(sleeps).containsExactly(WaitCondition.POLL, WaitCondition.POLL, WaitCondition.POLL);
        assertThat(wait.attribute(new ResourceState("wait", applied.physicalId(), properties, applied.data()), "data"))
                .isEqualTo("{\"1\": \"up\"}");
    }

    @Test
    void onlyAWaitConditionHandleCanBeWaitedFor() {
        ResourcePlugin wait = ResourceTypes.builtIn().require("OS::Heat::WaitCondition");
        Resources resources = new Resources();
        resources.handle = new ResourceData.Found("OS::Heat::TestResource", fresh());
        Map<String, Object> properties = Properties.validate("wait", wait.properties(),
                Map.of("handle", "user", "timeout", 60), false);
        assertThatThrownBy(() -> wait.create("wait", properties, context(resources,
                dev.overcast.testkit.MutableClock.startingNow(), d -> { })))
                .isInstanceOf(ResourceFailure.class).hasMessage("user is not a valid wait condition handle.");
    }

    @Test
    void typesWithoutSignalsRefuseThemAsHeatDoes() {
        ResourcePlugin test = ResourceTypes.builtIn().require("OS::Heat::TestResource");
        assertThatThrownBy(() -> test.signal(fresh(), Map.of(), null)).isInstanceOf(ResourceFailure.class)
                .hasMessage("signal is not supported for resource.");
        assertThat(test.signalReason(fresh(), Map.of())).isEqualTo("No signal details provided");
        assertThat(test.signalReason(fresh(), Map.of("previous", "ok", "current", "alarm", "reason", "cpu")))
                .isEqualTo("alarm state changed from ok to alarm (cpu)");
    }
}
