package dev.overcast.orchestration.resources;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.functions.Py;

/**
 * OS::Heat::WaitCondition: its create (and an update in place) waits until its handle has
 * received {@code count} SUCCESS signals, and fails on a FAILURE signal or after
 * {@code timeout} seconds, with Heat's messages. It polls the handle's stored signals through
 * {@link ResourceData}, so it works under any engine; when it completes it keeps the signals'
 * data for its {@code data} attribute.
 */
final class WaitCondition extends DeclaredResource {
    static final Duration POLL = Duration.ofSeconds(1);
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = Map.of("data", new AttributeSchema(
            "JSON string containing data associated with wait condition signals sent to the handle.",
            PropertyType.STRING));

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("handle", PropertySchema.of(PropertyType.STRING,
                "A reference to the wait condition handle used to signal this wait condition.").asRequired());
        p.put("timeout", PropertySchema.of(PropertyType.NUMBER,
                "The number of seconds to wait for the correct number of signals to arrive.").asRequired()
                .constrained(new PropertyConstraint.Range(1, 43200)));
        p.put("count", PropertySchema.of(PropertyType.INTEGER,
                "The number of success signals that must be received before the stack creation process continues.")
                .withDefault(1).updatable().constrained(new PropertyConstraint.Range(1, null)));
        return java.util.Collections.unmodifiableMap(p);
    }

    WaitCondition() {
        super("OS::Heat::WaitCondition", "Resource for handling signals received by WaitConditionHandle.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        return new Applied(context.physicalName(name), await(properties, context));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        return new Applied(current.physicalId(), await(properties, context));
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        // Nothing outside the database.
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return attribute.equals("data") ? state.data().get("data") : null;
    }

    /** Waits for the handle's signals; @return the data to keep ({@code data}: the signals' data as JSON) */
    private static Map<String, Object> await(Map<String, Object> properties, PluginContext context) {
        ResourceData resources = context.services().require(ResourceData.class);
        String reference = Py.str(properties.get("handle"));
        int count = Py.toNumber(properties.get("count")).intValue();
        Duration timeout = Duration.ofMillis((long) (Py.toNumber(properties.get("timeout")).doubleValue() * 1000));
        Instant started = context.clock().instant();
        while (true) {
            ResourceData.Found handle = resources.byReference(context.stack().id(), reference)
                    .filter(h -> h.type().equals(WaitConditionHandle.TYPE))
                    .orElseThrow(() -> new ResourceFailure("ValueError", reference
                            + " is not a valid wait condition handle."));
            List<WaitConditionHandle.Signal> signals = WaitConditionHandle.signals(handle.state().data());
            Outcome outcome = decide(signals, count, Duration.between(started, context.clock().instant()), timeout);
            switch (outcome) {
                case Outcome.Done done -> {
                    return Map.of("data", done.data());
                }
                case Outcome.Failed failed -> throw new ResourceFailure(failed.type(), failed.message());
                case Outcome.Waiting waiting -> {
                    if (resources.deleting(context.stack().id())) {
                        throw new ResourceFailure("Error", "The wait stopped: the stack is being deleted.");
                    }
                    context.sleeper().sleep(POLL);
                }
            }
        }
    }

    /** Where a wait stands after one look at the handle's signals. */
    sealed interface Outcome {
        /** @param data the JSON text of the {@code data} attribute */
        record Done(String data) implements Outcome {
        }

        record Failed(String type, String message) implements Outcome {
        }

        record Waiting() implements Outcome {
        }
    }

    /** Heat's decision: the timeout first, then any FAILURE signal, then enough signals. */
    static Outcome decide(List<WaitConditionHandle.Signal> signals, int count, Duration waited, Duration timeout) {
        List<String> succeeded = reasons(signals, WaitConditionHandle.SUCCESS);
        if (waited.compareTo(timeout) > 0) {
            String message = succeeded.size() + " of " + count + " received"
                    + (succeeded.isEmpty() ? "" : " - " + String.join(";", succeeded));
            return new Outcome.Failed("WaitConditionTimeout", message);
        }
        if (succeeded.size() < signals.size()) {
            return new Outcome.Failed("WaitConditionFailure",
                    String.join(";", reasons(signals, WaitConditionHandle.FAILURE)));
        }
        if (signals.size() >= count) {
            Map<String, Object> data = new LinkedHashMap<>();
            signals.forEach(s -> data.put(s.id(), s.data()));
            return new Outcome.Done(Py.jsonDumps(data, false));
        }
        return new Outcome.Waiting();
    }

    private static List<String> reasons(List<WaitConditionHandle.Signal> signals, String status) {
        return signals.stream().filter(s -> s.status().equals(status)).map(WaitConditionHandle.Signal::reason).toList();
    }
}
