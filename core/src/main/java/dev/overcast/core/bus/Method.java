package dev.overcast.core.bus;

import java.util.Objects;

/**
 * A method on a topic's API and the version of the message that invokes it: the version is the
 * lowest API version a listener needs to understand this call. Services declare these once, in
 * their {@code rpc} package, next to the args records:
 *
 * {@snippet :
 * static final Method BUILD = Method.of("build_and_run_instance", "5.1");
 * }
 */
public record Method(String name, Version version) {
    public Method {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a method needs a name");
        }
        Objects.requireNonNull(version, "version");
    }

    public static Method of(String name, String version) {
        return new Method(name, Version.parse(version));
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
