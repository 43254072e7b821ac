package dev.overcast.core.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;

/** Reads what went wrong out of the client's exceptions, whose cause chain holds the broker's reply. */
final class RabbitErrors {
    private RabbitErrors() {
    }

    /** The broker's reply code for the failed channel or connection ({@code 404} for a missing queue), or -1. */
    static int replyCode(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal) {
                return switch (signal.getReason()) {
                    case AMQP.Channel.Close close -> close.getReplyCode();
                    case AMQP.Connection.Close close -> close.getReplyCode();
                    case null, default -> -1;
                };
            }
        }
        return -1;
    }

    /** The broker's reply text, or the exception's message, for error messages and logs. */
    static String reason(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal) {
                return switch (signal.getReason()) {
                    case AMQP.Channel.Close close -> close.getReplyText();
                    case AMQP.Connection.Close close -> close.getReplyText();
                    case null, default -> String.valueOf(signal.getMessage());
                };
            }
        }
        return String.valueOf(thrown.getMessage());
    }
}
