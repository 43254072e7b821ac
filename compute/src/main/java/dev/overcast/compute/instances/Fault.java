package dev.overcast.compute.instances;

import java.time.Instant;

/**
 * Why an instance is in ERROR, as the server's {@code fault} shows it.
 *
 * @param code    500 for a failure, 400-range for a refused request (NoValidHost is 500, as upstream)
 * @param message one line a user can read
 * @param details more, shown to admins (and to users when the code is not 500)
 */
public record Fault(int code, String message, String details, String host, Instant created) {
}
