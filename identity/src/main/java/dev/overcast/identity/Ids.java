package dev.overcast.identity;

import java.util.UUID;

/** Keystone's ids: 32 lower-case hex digits. */
public final class Ids {
    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
