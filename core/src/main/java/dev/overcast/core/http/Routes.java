package dev.overcast.core.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's route table: method + path template → handler, as plain code. Routes need a
 * valid token unless registered as public. Matching answers 404 for an unknown path and
 * 405 (with the allowed methods) for a known path with the wrong method.
 */
public final class Routes {

    /** One registered route. */
    public record Route(String method, PathTemplate path, Handler handler, boolean requiresToken, boolean streamsBody) {
        public String template() {
            return path.text();
        }
    }

    /** A matched route with its decoded path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final boolean strictTrailingSlash;

    /** Routes that ignore a trailing slash on a request. */
    public Routes() {
        this(false);
    }

    /** @param strictTrailingSlash whether {@code /a/} and {@code /a} are different paths */
    public Routes(boolean strictTrailingSlash) {
        this.strictTrailingSlash = strictTrailingSlash;
    }

    public Routes get(String path, Handler handler) {
        return add("GET", path, handler, true);
    }

    public Routes head(String path, Handler handler) {
        return add("HEAD", path, handler, true);
    }

    public Routes post(String path, Handler handler) {
        return add("POST", path, handler, true);
    }

    public Routes put(String path, Handler handler) {
        return add("PUT", path, handler, true);
    }

    public Routes patch(String path, Handler handler) {
        return add("PATCH", path, handler, true);
    }

    public Routes delete(String path, Handler handler) {
        return add("DELETE", path, handler, true);
    }

    /** A route anyone may call without a token (version discovery, authentication). */
    public Routes publicRoute(String method, String path, Handler handler) {
        return add(method, path, handler, false, false);
    }

    /**
     * A route whose handler reads the body itself, as a stream of any size
     * ({@link Request#bodyStream()}), e.g. an image upload. It needs a token.
     */
    public Routes streaming(String method, String path, Handler handler) {
        return add(method, path, handler, true, true);
    }

    private Routes add(String method, String path, Handler handler, boolean requiresToken) {
        return add(method, path, handler, requiresToken, false);
    }

    private Routes add(String method, String path, Handler handler, boolean requiresToken, boolean streamsBody) {
        PathTemplate template = PathTemplate.parse(path);
        for (Route existing : routes) {
            if (existing.method.equals(method) && existing.path.equals(template)) {
                throw new IllegalArgumentException("route registered twice: " + method + " " + path);
            }
        }
        routes.add(new Route(method, template, handler, requiresToken, streamsBody));
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    /**
     * Finds the route for a request. A GET route also answers HEAD unless a HEAD route is
     * registered for the same path.
     */
    Match match(String method, String rawPath) {
        List<String> segments = PathTemplate.split(rawPath).stream()
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
        Set<String> allowed = new TreeSet<>();
        Match headFallback = null;
        boolean slash = PathTemplate.hasTrailingSlash(rawPath);
        for (Route route : routes) {
            if (route.path.trailingSlash() != slash && (strictTrailingSlash || route.path.trailingSlash())) {
                continue;
            }
            Map<String, String> params = route.path.match(segments);
            if (params == null) {
                continue;
            }
            if (route.method.equals(method)) {
                return new Match(route, params);
            }
            if (method.equals("HEAD") && route.method.equals("GET")) {
                headFallback = new Match(route, params);
            }
            allowed.add(route.method);
        }
        if (headFallback != null) {
            return headFallback;
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("The resource could not be found.");
        }
        throw new MethodNotAllowed(allowed);
    }

    /** 405 with the methods the path does allow. */
    static final class MethodNotAllowed extends ApiException {
        private final Set<String> allowed;

        MethodNotAllowed(Set<String> allowed) {
            super(405, "The method is not allowed for the requested URL.");
            this.allowed = Set.copyOf(allowed);
        }

        String allowHeader() {
            return String.join(", ", new TreeSet<>(allowed));
        }
    }
}
