package dev.overcast.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.core.json.Json;
import dev.overcast.network.PortEvents;

/**
 * Network's {@link PortEvents} sent to Compute's {@code os-server-external-events} with Network's
 * service token, as Neutron's Nova notifier does: over the public API, never by calling Compute's
 * code. Each event is posted from a virtual thread; a failure is logged, not retried (Compute also
 * reads ports when it builds and on every interface change).
 */
final class NovaNotifier implements PortEvents {
    private static final Logger LOG = LoggerFactory.getLogger(NovaNotifier.class);

    private final String eventsUrl;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param computeUrl Compute's API, such as {@code http://host/compute/v2.1} */
    NovaNotifier(String computeUrl, Supplier<String> token) {
        this.eventsUrl = computeUrl + "/os-server-external-events";
        this.token = token;
    }

    @Override
    public void changed(String serverId, String portId, boolean deleted) {
        Map<String, Object> event = Map.of("name", deleted ? "network-vif-deleted" : "network-changed",
                "server_uuid", serverId, "tag", portId);
        byte[] body = Json.bytes(Map.of("events", List.of(event)));
        Thread.ofVirtual().name("nova-notifier").start(() -> {
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(eventsUrl))
                        .timeout(Duration.ofSeconds(30)).header("X-Auth-Token", token.get())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() >= 300 && reply.statusCode() != 404) {
                    LOG.warn("Compute answered {} to a port event for {}: {}", reply.statusCode(), serverId, reply.body());
                }
            } catch (java.io.IOException e) {
                LOG.warn("could not tell Compute that port {} of {} changed: {}", portId, serverId, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
