package dev.overcast.core.bus;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * What every transport does to a message on its way out and on its way in, so that a value that
 * does not survive the trip fails the same way on every bus.
 *
 * <p>It is stricter than a broker in one way: args records are read back into their own class
 * before sending, so a record that cannot make the trip fails at the sender, in a unit test,
 * instead of at a remote listener in production. Notifications are read back likewise.
 */
final class MessageCodec {
    private MessageCodec() {
    }

    /** A call's timeout, checked before anything is sent. */
    static void requireTimeout(Duration timeout) {
        if (timeout == null || !timeout.isPositive()) {
            throw new IllegalArgumentException("a call needs a positive timeout, not " + timeout);
        }
    }

    /** The request's {@link Envelope} as JSON bytes, with the current request context; the cap is checked first. */
    static byte[] request(Target target, Method method, Object args) {
        if (!target.canSend(method.version())) {
            throw new VersionCapException(target, method);
        }
        String what = "the args of " + method;
        JsonNode tree = Wire.toTree(args, what);
        if (args instanceof Record) {
            Wire.fromTree(tree, args.getClass(), what + " (read back before sending)"); // see the class comment
        }
        return Wire.encode(new Envelope(method.name(), method.version(), tree, RequestContext.current()), what);
    }

    /** Reads a request and runs its handler; never throws, as {@link Dispatcher#dispatch} does not. */
    static Reply serve(Dispatcher dispatcher, byte[] request) {
        try {
            return dispatcher.dispatch(Wire.decode(request, Envelope.class, "a message"));
        } catch (MessageFormatException e) {
            return Reply.Failure.of(e);
        }
    }

    /** A reply as JSON bytes. */
    static byte[] reply(Reply reply) {
        return Wire.encode(reply.toJson(), "a reply");
    }

    /** The result a reply carries, read as {@code resultType}; a failure reply throws its {@link RemoteError}. */
    static <R> R result(byte[] reply, Method method, Class<R> resultType) {
        return switch (Reply.fromJson(Wire.decode(reply, JsonNode.class, "the reply to " + method))) {
            case Reply.Result result when resultType == Void.class -> null;
            case Reply.Result result -> Wire.fromTree(result.value(), resultType, "the result of " + method);
            case Reply.Failure failure -> throw failure.toException();
        };
    }

    /** A notification as JSON bytes, read back before sending; see the class comment. */
    static byte[] notification(Notification notification) {
        String what = "notification " + notification.eventType();
        byte[] message = Wire.encode(notification, what);
        Wire.decode(message, Notification.class, what);
        return message;
    }

    static Notification readNotification(byte[] message) {
        return Wire.decode(message, Notification.class, "a notification");
    }
}
