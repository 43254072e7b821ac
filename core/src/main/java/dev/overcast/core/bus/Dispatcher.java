package dev.overcast.core.bus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A listener's table of handlers, by method name, each with the highest message version it
 * reads. Built once, then shared by every delivery; transports hand it each {@link Envelope}.
 *
 * {@snippet :
 * Dispatcher dispatcher = Dispatcher.builder("5.3")           // this listener's API version
 *         .on("build_and_run_instance", BuildArgs.class, compute::build)
 *         .on("reboot_instance", "5.1", RebootArgs.class, compute::reboot)  // reads up to 5.1
 *         .build();
 * }
 *
 * <p>A method may be registered once per major version, so a listener can keep serving the
 * previous major for a release while senders move on (Nova's {@code _ComputeV4Proxy}).
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, List<Route<?, ?>>> routes;

    private Dispatcher(Map<String, List<Route<?, ?>>> routes) {
        this.routes = routes;
    }

    /** Starts a table whose methods read up to {@code version} unless registered with their own. */
    public static Builder builder(String version) {
        return new Builder(Version.parse(version));
    }

    /** The method names this dispatcher handles. */
    public Set<String> methods() {
        return routes.keySet();
    }

    /**
     * Runs the handler for {@code envelope} with its context current, and never throws: an
     * unknown method, an unreadable version, args that do not read as the handler's record, a
     * failing handler and an unserialisable result all become a {@link Reply.Failure}.
     */
    public Reply dispatch(Envelope envelope) {
        List<Route<?, ?>> candidates = routes.get(envelope.method());
        if (candidates == null) {
            return new Reply.Failure(RemoteError.NO_SUCH_METHOD,
                    "no method '" + envelope.method() + "' here; this listener handles " + routes.keySet(), false);
        }
        Route<?, ?> route = candidates.stream()
                .filter(candidate -> candidate.max().canRead(envelope.version()))
                .findFirst()
                .orElse(null);
        if (route == null) {
            return unsupported(envelope, candidates);
        }
        try {
            return new Reply.Result(envelope.context().call(() -> route.invoke(envelope)));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("{} {} failed", envelope.method(), envelope.version(), e);
            return Reply.Failure.of(e);
        }
    }

    private static Reply unsupported(Envelope envelope, List<Route<?, ?>> candidates) {
        String readable = candidates.stream().map(route -> route.max().toString()).collect(Collectors.joining(", "));
        return new Reply.Failure(RemoteError.UNSUPPORTED_VERSION,
                "'" + envelope.method() + "' version " + envelope.version() + " is not supported: this listener reads "
                        + "'" + envelope.method() + "' up to " + readable + " (same major, minor no higher)",
                false);
    }

    private record Route<A, R>(String method, Version max, Class<A> argsType, Handler<A, R> handler) {
        JsonNode invoke(Envelope envelope) throws Exception {
            A args = Wire.fromTree(envelope.args(), argsType, "the args of " + method + " " + envelope.version());
            R result = handler.handle(args, envelope.context());
            return Wire.toTree(result, "the result of " + method);
        }
    }

    /** Collects handlers; fails fast on a duplicate. */
    public static final class Builder {
        private final Version defaultVersion;
        private final Map<String, List<Route<?, ?>>> routes = new LinkedHashMap<>();

        private Builder(Version defaultVersion) {
            this.defaultVersion = defaultVersion;
        }

        /** Handles {@code method}, reading messages up to the builder's version. */
        public <A, R> Builder on(String method, Class<A> argsType, Handler<A, R> handler) {
            return add(new Route<>(method, defaultVersion, argsType, handler));
        }

        /** Handles {@code method}, reading messages up to {@code version}. */
        public <A, R> Builder on(String method, String version, Class<A> argsType, Handler<A, R> handler) {
            return add(new Route<>(method, Version.parse(version), argsType, handler));
        }

        private Builder add(Route<?, ?> route) {
            if (route.method() == null || route.method().isBlank()) {
                throw new IllegalArgumentException("a handler needs a method name");
            }
            if (route.argsType() == null || route.handler() == null) {
                throw new IllegalArgumentException("'" + route.method() + "' needs an args type and a handler");
            }
            List<Route<?, ?>> existing = routes.computeIfAbsent(route.method(), name -> new ArrayList<>());
            if (existing.stream().anyMatch(other -> other.max().major() == route.max().major())) {
                throw new IllegalArgumentException("'" + route.method() + "' already has a handler for major version "
                        + route.max().major());
            }
            existing.add(route);
            return this;
        }

        public Dispatcher build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("a dispatcher needs at least one handler");
            }
            Map<String, List<Route<?, ?>>> copy = new LinkedHashMap<>();
            routes.forEach((method, list) -> copy.put(method, List.copyOf(list)));
            return new Dispatcher(Collections.unmodifiableMap(copy));
        }
    }
}
