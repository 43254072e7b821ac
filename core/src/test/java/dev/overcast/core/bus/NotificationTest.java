package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.bus.Messages.Unserialisable;
import dev.overcast.core.json.Json;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Notifications on the in-process bus, and the notification's own shape. */
class NotificationTest extends NotificationContract {
    @Override
    Bus newBus(Clock clock) {
        return new InProcessBus(clock);
    }

    @Test
    void a_prefix_matches_whole_dotted_parts_of_the_event_type() {
        Notification shelveOffload = notifier.info("instance.shelve_offload.end", payload("shelved"));

        assertThat(shelveOffload.hasEventTypePrefix("instance.shelve")).isFalse();
        assertThat(shelveOffload.hasEventTypePrefix("instance.shelve_offload")).isTrue();
        assertThat(shelveOffload.hasEventTypePrefix("instance.shelve_offload.end")).isTrue();
        assertThat(shelveOffload.hasEventTypePrefix("instance.")).isTrue();
        assertThat(shelveOffload.hasEventTypePrefix("")).isTrue();
    }

    @Test
    void a_notification_is_written_in_novas_versioned_shape_with_the_bus_clocks_time() {
        Notification sent = notifier.info("instance.create.end", payload("active"));

        JsonNode json = Json.parse(Json.write(sent));

        assertThat(json.get("priority").asString()).isEqualTo("INFO");
        assertThat(json.get("event_type").asString()).isEqualTo("instance.create.end");
        assertThat(json.get("publisher_id").asString()).isEqualTo("nova-compute:host1");
        assertThat(json.get("timestamp").asString()).isEqualTo("2026-01-02 03:04:05.123456");
        assertThat(UUID.fromString(json.get("message_id").asString())).isEqualTo(sent.messageId());
        JsonNode payload = json.get("payload");
        assertThat(payload.get("nova_object.name").asString()).isEqualTo("InstanceActionPayload");
        assertThat(payload.get("nova_object.namespace").asString()).isEqualTo("nova");
        assertThat(payload.get("nova_object.version").asString()).isEqualTo("1.0");
        assertThat(payload.get("nova_object.data").get("state").asString()).isEqualTo("active");
    }

    @Test
    void a_payload_that_does_not_serialise_fails_where_it_is_built() {
        assertThatThrownBy(() -> VersionedPayload.of("nova", "Broken", "1.0", new Unserialisable(null)))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("payload Broken");
    }
}
