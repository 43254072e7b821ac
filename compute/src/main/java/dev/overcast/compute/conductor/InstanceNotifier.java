package dev.overcast.compute.conductor;

import dev.overcast.compute.instances.Instance;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Notifier;
import dev.overcast.core.bus.VersionedPayload;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Nova's versioned notifications about instances ({@code instance.create.start}, ...) on the
 * topic {@code versioned_notifications}, with an {@code InstanceActionPayload}.
 */
public final class InstanceNotifier {
    static final String TOPIC = "versioned_notifications";

    /** The payload's fields, a lean InstanceActionPayload with Nova's names. */
    public record Payload(@JsonProperty("uuid") String uuid, @JsonProperty("display_name") String displayName,
                          @JsonProperty("tenant_id") String tenantId, @JsonProperty("user_id") String userId,
                          @JsonProperty("host") String host, @JsonProperty("node") String node,
                          @JsonProperty("state") String state, @JsonProperty("task_state") String taskState,
                          @JsonProperty("power_state") String powerState,
                          @JsonProperty("image_uuid") String imageUuid,
                          @JsonProperty("flavor_id") String flavorId,
                          @JsonProperty("availability_zone") String availabilityZone,
                          @JsonProperty("fault") String fault) {
    }

    private final Notifier notifier;

    public InstanceNotifier(Bus bus, String publisherId) {
        this.notifier = bus.notifier(TOPIC, publisherId);
    }

    public void info(String eventType, Instance instance) {
        notifier.info(eventType, payload(instance, null));
    }

    public void error(String eventType, Instance instance, String fault) {
        notifier.error(eventType, payload(instance, fault));
    }

    private static VersionedPayload payload(Instance i, String fault) {
        return VersionedPayload.of("nova", "InstanceActionPayload", "1.8", new Payload(i.uuid(), i.displayName(),
                i.projectId(), i.userId(), i.host(), i.node(), i.state().vm().value(),
                i.state().task() == null ? null : i.state().task().value(),
                i.state().power().name().toLowerCase(java.util.Locale.ROOT), i.imageRef(), i.flavor().flavorId(),
                i.availabilityZone(), fault));
    }
}
