package dev.overcast.core.bus;

import java.util.List;

/** Args and result records the bus tests send. */
final class Messages {
    static final Method ECHO = Method.of("echo", "1.0");
    static final Method SUM = Method.of("sum", "1.0");
    static final Method NOTE = Method.of("note", "1.0");

    record Text(String text) {
    }

    record Pair(int a, int b) {
    }

    record Total(int value) {
    }

    record Counted(int count) {
    }

    /** Fails to serialise without a name, as a record with a careless derived getter does. */
    record Unserialisable(String name) {
        public String getDisplayName() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    interface Animal {
    }

    record Cat(String name) implements Animal {
    }

    record Zoo(List<Animal> animals) {
    }

    private Messages() {
    }
}
