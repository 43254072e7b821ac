package dev.overcast.orchestration.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.overcast.orchestration.template.functions.Py;

/**
 * OS::Heat::WaitConditionHandle with the TOKEN_SIGNAL transport: its physical id is a stack
 * user, and {@code endpoint}, {@code token} and {@code curl_cli} tell a server how to signal it.
 * Each signal ({@code {"status": "SUCCESS"|"FAILURE", "reason": ..., "data": ..., "id": ...}},
 * every key optional) is kept in the resource's data under its id, as Heat keeps them in the
 * handle's metadata; an OS::Heat::WaitCondition counts them.
 */
final class WaitConditionHandle extends DeclaredResource {
    static final String TYPE = "OS::Heat::WaitConditionHandle";
    static final String SUCCESS = "SUCCESS";
    static final String FAILURE = "FAILURE";
    private static final Set<String> SIGNAL_KEYS = Set.of("data", "reason", "status", "id");
    private static final Map<String, PropertySchema> PROPERTIES = Map.of("signal_transport",
            PropertySchema.of(PropertyType.STRING, "How the client will signal the wait condition. TOKEN_SIGNAL "
                    + "will allow an HTTP POST to a Heat API endpoint with the provided keystone token (the only "
                    + "transport Overcast offers).").withDefault("TOKEN_SIGNAL")
                    .constrained(new PropertyConstraint.AllowedValues(List.of("TOKEN_SIGNAL"))));

    /** One signal as received, after Heat's defaults. */
    record Signal(String id, Object data, String reason, String status) {
    }

    WaitConditionHandle() {
        super(TYPE, "Resource for managing instance signals.", PROPERTIES, attributeSchema());
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("token", new AttributeSchema("Token for stack-user which can be used for signalling handle when "
                + "signal_transport is set to TOKEN_SIGNAL. None for all other signal transports.", PropertyType.STRING));
        a.put("endpoint", new AttributeSchema("Endpoint/url which can be used for signalling handle when "
                + "signal_transport is set to TOKEN_SIGNAL. None for all other signal transports.", PropertyType.STRING));
        a.put("curl_cli", new AttributeSchema("Convenience attribute, provides curl CLI command prefix, which can be "
                + "used for signalling handle completion or failure when signal_transport is set to TOKEN_SIGNAL. You "
                + "can signal success by adding --data-binary '{\"status\": \"SUCCESS\"}' , or signal failure by "
                + "adding --data-binary '{\"status\": \"FAILURE\"}'. This attribute is set to None for all other "
                + "signal transports.", PropertyType.STRING));
        a.put("signal", new AttributeSchema("JSON serialized map that includes the endpoint, token and/or other "
                + "attributes the client must use for signalling this handle. The contents of this map depend on the "
                + "type of signal selected in the signal_transport property.", PropertyType.STRING));
        return java.util.Collections.unmodifiableMap(a);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        SignalCredentials credentials = context.services().require(SignalCredentials.class);
        String stackUser = new UUID(context.random().nextLong(), context.random().nextLong()).toString();
        return new Applied(stackUser, Map.of("token", credentials.stackUserToken(context.stack(), stackUser),
                "endpoint", credentials.signalUrl(context.stack(), name), "signals", Map.of()));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        return new Applied(current.physicalId(), current.data());
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        // The stack user exists only in its token, which expires.
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        Object endpoint = state.data().get("endpoint");
        Object token = state.data().get("token");
        return switch (attribute) {
            case "token" -> token;
            case "endpoint" -> endpoint;
            case "curl_cli" -> endpoint == null || token == null ? null : "curl -i -X POST -H 'X-Auth-Token: " + token
                    + "' -H 'Content-Type: application/json' -H 'Accept: application/json' " + endpoint;
            // Heat's signal map has no entry for TOKEN_SIGNAL: the attribute is JSON null.
            case "signal" -> state.physicalId() == null ? null : "null";
            default -> null;
        };
    }

    /** As Heat's handle: its metadata is the signals received, by id. */
    @Override
    public Map<String, Object> metadata(ResourceState state, Map<String, Object> templateMetadata) {
        Map<String, Object> received = new LinkedHashMap<>();
        signals(state.data()).forEach(s -> received.put(s.id(), entry(s)));
        return received;
    }

    @Override
    public Map<String, Object> signal(ResourceState state, Map<String, Object> details, PluginContext context) {
        Map<String, Object> received = metadata(state, Map.of());
        Signal signal = normalise(details, received.size());
        received.put(signal.id(), entry(signal));
        Map<String, Object> data = new LinkedHashMap<>(state.data());
        data.put("signals", received);
        return data;
    }

    @Override
    public String signalReason(ResourceState before, Map<String, Object> details) {
        Signal signal = normalise(details, signals(before.data()).size());
        return "Signal: status:" + signal.status() + " reason:" + signal.reason();
    }

    /**
     * Heat's defaults for a signal's missing keys (reason {@code Signal <n> received}, id
     * {@code <n>}, status SUCCESS, data null) and its check of the result.
     *
     * @throws ResourceFailure ValueError {@code Metadata format invalid}
     */
    static Signal normalise(Map<String, Object> details, int received) {
        int number = received + 1;
        if (!SIGNAL_KEYS.containsAll(details.keySet())) {
            throw invalid();
        }
        Object status = details.containsKey("status") ? details.get("status") : SUCCESS;
        if (!SUCCESS.equals(status) && !FAILURE.equals(status)) {
            throw invalid();
        }
        Object reason = details.containsKey("reason") ? details.get("reason") : "Signal " + number + " received";
        Object id = details.containsKey("id") ? details.get("id") : number;
        return new Signal(Py.str(id), details.get("data"), Py.str(reason), (String) status);
    }

    private static ResourceFailure invalid() {
        return new ResourceFailure("ValueError", "Metadata format invalid");
    }

    private static Map<String, Object> entry(Signal s) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("data", s.data());
        entry.put("reason", s.reason());
        entry.put("status", s.status());
        return entry;
    }

    /** @return the signals a handle's data holds, oldest first */
    static List<Signal> signals(Map<String, Object> data) {
        List<Signal> out = new ArrayList<>();
        if (data.get("signals") instanceof Map<?, ?> received) {
            received.forEach((id, value) -> {
                if (value instanceof Map<?, ?> entry) {
                    out.add(new Signal(String.valueOf(id), entry.get("data"), Py.str(entry.get("reason")),
                            Py.str(entry.get("status"))));
                }
            });
        }
        return out;
    }
}
