package dev.overcast.core.version;

import java.util.Objects;

/**
 * A header to add to a response.
 *
 * @param name  the header name
 * @param value its value
 */
public record ResponseHeader(String name, String value) {
    public ResponseHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
