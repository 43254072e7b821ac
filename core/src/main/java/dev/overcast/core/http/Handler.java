package dev.overcast.core.http;

/** Handles one routed request. Throw {@link ApiException} for anything the client should see. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
