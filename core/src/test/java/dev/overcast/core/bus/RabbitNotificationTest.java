package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.overcast.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Notifications over {@link RabbitBus}, in a vhost of its own: the contract, and the wire as outside consumers see it. */
class RabbitNotificationTest extends NotificationContract {
    @RegisterExtension
    static final RabbitVhost vhost = RabbitVhost.create("notifications");

    @Override
    Bus newBus(Clock clock) {
        return RabbitBus.connect(vhost.settings(), clock);
    }

    @Test
    void an_outside_consumer_reads_notifications_on_topic_dot_priority_in_novas_shape() throws Exception {
        var factory = new ConnectionFactory();
        factory.setUri(vhost.settings().uri());
        try (var outside = factory.newConnection(); var channel = outside.createChannel()) {
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, RabbitSettings.DEFAULT_EXCHANGE, TOPIC + ".error");

            notifier.info("instance.create.end", payload("active"));
            notifier.error("instance.create.error", payload("error"));

            GetResponse message = poll(channel, queue);
            JsonNode json = Json.parse(new String(message.getBody(), StandardCharsets.UTF_8));
            assertThat(message.getProps().getContentType()).isEqualTo("application/json");
            assertThat(json.get("priority").asString()).isEqualTo("ERROR");
            assertThat(json.get("event_type").asString()).isEqualTo("instance.create.error");
            assertThat(json.get("publisher_id").asString()).isEqualTo("nova-compute:host1");
            assertThat(json.get("payload").get("nova_object.data").get("state").asString()).isEqualTo("error");
            assertThat(channel.basicGet(queue, true)).as("the info notification went to %s.info", TOPIC).isNull();
        }
    }

    private static GetResponse poll(com.rabbitmq.client.Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + Inbox.PATIENCE.toNanos();
        for (GetResponse response = channel.basicGet(queue, true); ; response = channel.basicGet(queue, true)) {
            if (response != null) {
                return response;
            }
            assertThat(System.nanoTime()).as("a notification should have arrived").isLessThan(deadline);
            Thread.sleep(Duration.ofMillis(20));
        }
    }
}
