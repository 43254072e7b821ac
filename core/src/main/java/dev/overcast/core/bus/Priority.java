package dev.overcast.core.bus;

/** A notification's priority, as oslo.messaging names them; written upper-case on the wire. */
public enum Priority {
    AUDIT, CRITICAL, DEBUG, INFO, WARN, ERROR, SAMPLE
}
