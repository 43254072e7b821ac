package dev.overcast.core.bus;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.overcast.core.json.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * What a listener sends back for a call: the handler's result, or why there is none. On the
 * wire it is {@code {"result": ...}} or {@code {"failure": {"class": ..., "message": ...,
 * "retryable": ...}}}, close to oslo.messaging's reply.
 */
public sealed interface Reply {

    /** The handler returned; {@code value} is its result as JSON (a JSON null for none). */
    record Result(JsonNode value) implements Reply {
        public Result {
            value = value == null ? NullNode.instance : value;
        }
    }

    /**
     * The handler, or the bus on the listener's side, failed.
     *
     * @param className the failing exception's class name, or one of the names in {@link RemoteError}
     * @param message   its message; never {@code null}
     * @param retryable whether sending the same message again may succeed
     */
    record Failure(@JsonProperty("class") String className, String message, boolean retryable) implements Reply {
        public Failure {
            Objects.requireNonNull(className, "className");
            message = message == null ? "" : message;
        }

        /**
         * The failure a thrown exception stands for. A {@link RemoteError} passes through as the
         * original failure, so a chain of calls reports the first cause; any exception that
         * implements {@link Retryable} says whether it is retryable, others are not.
         */
        public static Failure of(Throwable thrown) {
            if (thrown instanceof RemoteError remote) {
                return new Failure(remote.className(), remote.remoteMessage(), remote.retryable());
            }
            boolean retryable = thrown instanceof Retryable r && r.retryable();
            return new Failure(thrown.getClass().getName(), thrown.getMessage(), retryable);
        }

        /** The exception a caller throws for this failure. */
        public RemoteError toException() {
            return new RemoteError(className, message, retryable);
        }
    }

    /** This reply in its wire form. */
    default JsonNode toJson() {
        var json = Json.object();
        switch (this) {
            case Result result -> json.set("result", result.value());
            case Failure failure -> json.set("failure", Json.tree(failure));
        }
        return json;
    }

    /** Reads a reply in its wire form; a {@link MessageFormatException} if it is neither shape. */
    static Reply fromJson(JsonNode json) {
        if (json.has("failure")) {
            return Wire.fromTree(json.get("failure"), Failure.class, "a failure reply");
        }
        if (json.has("result")) {
            return new Result(json.get("result"));
        }
        throw new MessageFormatException("a reply holds a result or a failure, not " + json.propertyNames(), null);
    }
}
