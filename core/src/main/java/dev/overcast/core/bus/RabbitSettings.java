package dev.overcast.core.bus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * How a {@link RabbitBus} reaches RabbitMQ.
 *
 * @param uri               the broker and virtual host, {@code amqp://user:password@host:port/vhost}
 *                          ({@code amqps://} for TLS; the vhost URL-encoded, {@code %2F} for
 *                          {@code /}); default {@code amqp://guest:guest@127.0.0.1:5672/%2F}
 * @param exchange          the topic exchange every call, cast and notification goes through, like
 *                          oslo.messaging's control exchange; default {@code overcast}
 * @param connectTimeout    how long opening the connection (TCP and AMQP handshake) may take;
 *                          default 10 seconds
 * @param publisherConfirms whether every send waits until the broker confirms it took the message;
 *                          default off
 * @param confirmTimeout    how long a send waits for that confirmation; default 5 seconds
 */
public record RabbitSettings(String uri, String exchange, Duration connectTimeout, boolean publisherConfirms,
                             Duration confirmTimeout) {
    public static final String DEFAULT_URI = "amqp://guest:guest@127.0.0.1:5672/%2F";
    public static final String DEFAULT_EXCHANGE = "overcast";

    public RabbitSettings {
        uri = uri == null ? DEFAULT_URI : uri;
        exchange = exchange == null ? DEFAULT_EXCHANGE : exchange;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
        if (!uri.startsWith("amqp://") && !uri.startsWith("amqps://")) {
            throw new IllegalArgumentException("the RabbitMQ uri starts with amqp:// or amqps://, not " + redact(uri));
        }
        if (exchange.isBlank() || exchange.startsWith("amq.")) {
            throw new IllegalArgumentException("the exchange needs a name outside amq.*, not '" + exchange + "'");
        }
        if (!connectTimeout.isPositive() || connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the connect timeout must be positive, not " + connectTimeout);
        }
        if (!confirmTimeout.isPositive()) {
            throw new IllegalArgumentException("the confirm timeout must be positive, not " + confirmTimeout);
        }
    }

    /** The broker at {@code uri}, every other option at its default. */
    public static RabbitSettings of(String uri) {
        return new RabbitSettings(uri, null, null, false, null);
    }

    /** These settings with another exchange. */
    public RabbitSettings withExchange(String exchange) {
        return new RabbitSettings(uri, exchange, connectTimeout, publisherConfirms, confirmTimeout);
    }

    /** These settings with publisher confirms on. */
    public RabbitSettings withPublisherConfirms() {
        return new RabbitSettings(uri, exchange, connectTimeout, true, confirmTimeout);
    }

    /** The uri without its password, fit for logs and error messages. */
    public String redactedUri() {
        return redact(uri);
    }

    @Override
    public String toString() {
        return "RabbitSettings[uri=" + redactedUri() + ", exchange=" + exchange + ", connectTimeout=" + connectTimeout
                + ", publisherConfirms=" + publisherConfirms + ", confirmTimeout=" + confirmTimeout + "]";
    }

    private static String redact(String uri) {
        try {
            var parsed = new URI(uri);
            String userInfo = parsed.getRawUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return uri;
            }
            return uri.replace(userInfo, userInfo.substring(0, userInfo.indexOf(':')) + ":***");
        } catch (URISyntaxException e) {
            return "(an unreadable uri)";
        }
    }
}
