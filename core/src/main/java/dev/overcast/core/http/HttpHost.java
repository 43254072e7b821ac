package dev.overcast.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.policy.PolicyDenied;
import dev.overcast.core.version.ApiVersion;
import dev.overcast.core.version.ResponseHeader;
import dev.overcast.core.version.VersionHistory;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Serves every service on one port, each under its own path prefix, and runs the path of a
 * request that DESIGN.md describes: request id, body limit, token check (local, no database),
 * microversion negotiation (for services with a {@link VersionHistory}, whose headers then go
 * on every answer), route match (404/405), handler, and the service's fault body for any
 * error. A handler's
 * unexpected exception becomes a 500 whose body says nothing internal.
 */
public final class HttpHost implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("overcast.access");
    private static final Logger LOG = LoggerFactory.getLogger(HttpHost.class);

    private record Mounted(String prefix, ServiceApi api, Routes routes) {
    }

    private final HttpSettings settings;
    private final TokenCodec tokens;
    private final List<Mounted> services;
    private final MeterRegistry metrics;
    private final WebServer server;

    private HttpHost(HttpSettings settings, TokenCodec tokens, List<ServiceApi> apis, MeterRegistry metrics,
                     Map<String, Supplier<Response>> extras) {
        this.settings = settings;
        this.tokens = tokens;
        this.metrics = metrics;
        List<Mounted> mounted = new ArrayList<>();
        for (ServiceApi api : apis) {
            Routes routes = new Routes(api.strictTrailingSlash());
            api.routes(routes);
            mounted.add(new Mounted(api.prefix(), api, routes));
        }
        mounted.sort(Comparator.comparingInt((Mounted m) -> m.prefix.length()).reversed());
        this.services = List.copyOf(mounted);
        HttpRouting.Builder routing = HttpRouting.builder();
        extras.forEach((path, body) -> routing.get(path, (req, res) -> write(res, req.prologue().method().text(),
                body.get(), RequestIds.create(Optional.empty()).local())));
        routing.any(this::dispatch);
        this.server = WebServer.builder()
                .host(settings.bind())
                .port(settings.port())
                .shutdownHook(false)
                .routing(routing)
                .build()
                .start();
    }

    /**
     * Starts serving.
     *
     * @param extras plain GET endpoints outside any service, e.g. {@code /healthcheck}, {@code /metrics}
     */
    public static HttpHost start(HttpSettings settings, TokenCodec tokens, List<ServiceApi> apis,
                                 MeterRegistry metrics, Map<String, Supplier<Response>> extras) {
        // Helidon logs through java.util.logging; send it where everything else goes.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        return new HttpHost(settings, tokens, apis, metrics, extras);
    }

    public int port() {
        return server.port();
    }

    /** The URL a client on this machine reaches the server at. */
    public String localUrl() {
        String host = settings.bind().equals("0.0.0.0") ? "127.0.0.1" : settings.bind();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void dispatch(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        String method = req.prologue().method().text();
        String path = req.path().rawPath();
        RequestIds ids = RequestIds.create(req.headers().first(HeaderNames.create("X-OpenStack-Request-ID")));
        Mounted service = find(path);
        String template = "unmatched";
        int status;
        if (service == null) {
            status = write(res, method, Response.status(404, Map.of("error", Map.of("code", 404,
                    "title", "Not Found", "message", "The resource could not be found."))), ids.local());
        } else {
            String relative = path.substring(service.prefix.length());
            ServiceApi.OlderApi older = service.api.olderApi();
            boolean lenient = older != null && relative.startsWith(older.prefix() + "/")
                    && relative.length() > older.prefix().length() + 1;
            if (lenient) {
                relative = older.routedAs() + relative.substring(older.prefix().length());
            }
            Response response;
            List<ResponseHeader> versionHeaders = List.of();
            try {
                ApiVersion version = null;
                VersionHistory history = service.api.versions();
                if (history != null && lenient) {
                    version = history.min();
                } else if (history != null) {
                    version = history.negotiate(name -> req.headers().first(HeaderNames.create(name)).orElse(null));
                    versionHeaders = history.responseHeaders(version);
                }
                Routed routed = route(service, method, relative.isEmpty() ? "/" : relative);
                template = routed.match().route().template();
                response = handle(req, service, routed, ids, version, lenient);
            } catch (Routes.MethodNotAllowed e) {
                response = fault(service, e, ids).header("Allow", e.allowHeader());
            } catch (ApiException e) {
                response = fault(service, e, ids);
            } catch (PolicyDenied e) {
                response = fault(service, ApiException.forbidden(e.getMessage()), ids);
            } catch (RuntimeException | Error e) {
                LOG.error("{} {} {} failed", ids, method, path, e);
                response = fault(service, new ApiException(500,
                        "An unexpected error prevented the server from fulfilling your request."), ids);
            }
            for (ResponseHeader h : versionHeaders) {
                response = response.header(h.name(), h.value());
            }
            String extraIdHeader = service.api.requestIdHeader();
            if (extraIdHeader != null) {
                response = response.header(extraIdHeader, ids.local());
            }
            status = write(res, method, response, ids.local());
        }
        long nanos = System.nanoTime() - start;
        ACCESS.info("{} {} {} {} {}ms", ids, method, path, status, nanos / 1_000_000);
        Timer.builder("http.server.requests")
                .tag("service", service == null ? "none" : service.prefix)
                .tag("method", method).tag("route", template).tag("status", Integer.toString(status))
                .register(metrics).record(java.time.Duration.ofNanos(nanos));
    }

    /**
     * A route found for a path; {@code project} the project id the path named, where the
     * service lets paths name one and the route was found only without it.
     */
    private record Routed(Routes.Match match, String path, String project) {
    }

    private static Routed route(Mounted service, String method, String path) {
        try {
            return new Routed(service.routes.match(method, path), path, null);
        } catch (Routes.MethodNotAllowed e) {
            throw e;
        } catch (ApiException notFound) {
            List<String> segments = PathTemplate.split(path);
            if (!service.api.projectIdInPath() || segments.size() < 3) {
                throw notFound;
            }
            String without = "/" + segments.getFirst() + path.substring(path.indexOf('/', path.indexOf('/', 1) + 1));
            try {
                return new Routed(service.routes.match(method, without), without, segments.get(1));
            } catch (Routes.MethodNotAllowed e) {
                throw e;
            } catch (ApiException stillNotFound) {
                throw notFound;
            }
        }
    }

    private Response handle(ServerRequest req, Mounted service, Routed routed, RequestIds ids, ApiVersion version,
                            boolean lenient) {
        Routes.Match match = routed.match();
        Request.Body body = match.route().streamsBody()
                ? new Request.Body(new byte[0], req.content().inputStream())
                : new Request.Body(readBody(req), null);
        AuthContext auth = null;
        Optional<String> token = req.headers().first(HeaderNames.create("X-Auth-Token"));
        if (token.isPresent() && !token.get().isBlank()) {
            auth = tokens.verify(token.get().trim());
        } else if (match.route().requiresToken()) {
            throw ApiException.unauthorized("The request you have made requires authentication.");
        }
        if (routed.project() != null && auth != null && !routed.project().equals(auth.projectId())) {
            throw ApiException.badRequest("Malformed request URL: URL's project_id '" + routed.project()
                    + "' doesn't match Context's project_id '" + auth.projectId() + "'");
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : req.query().names()) {
            query.put(name, req.query().all(name));
        }
        Request request = new Request(req.prologue().method().text(), routed.path(), match.params(), query,
                name -> req.headers().first(HeaderNames.create(name)), body, auth, ids,
                baseUrl(req) + service.prefix, version, lenient);
        return match.route().handler().handle(request);
    }

    private byte[] readBody(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) settings.maxBodyBytes() + 1);
            if (bytes.length > settings.maxBodyBytes()) {
                throw ApiException.tooLarge("Request body is larger than " + settings.maxBodyBytes() + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read.");
        }
    }

    private String baseUrl(ServerRequest req) {
        if (settings.publicUrl() != null) {
            return settings.publicUrl();
        }
        String host = req.headers().first(HeaderNames.HOST).orElse(req.authority());
        return "http://" + host;
    }

    private Mounted find(String path) {
        for (Mounted m : services) {
            if (path.equals(m.prefix) || path.startsWith(m.prefix + "/")) {
                return m;
            }
        }
        return null;
    }

    private static Response fault(Mounted service, ApiException e, RequestIds ids) {
        return Response.status(e.status(), service.api.faults().render(e, ids));
    }

    private static int write(ServerResponse res, String method, Response response, String requestId) {
        res.status(Status.create(response.status()));
        res.header(HeaderNames.create("x-openstack-request-id"), requestId);
        response.headers().forEach((k, v) -> res.header(HeaderNames.create(k), v));
        if (response.body() instanceof Response.Stream stream) {
            return writeStream(res, method, response, stream);
        }
        byte[] bytes = response.bodyBytes();
        if (response.body() != null && !(response.body() instanceof byte[])) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
        }
        if (method.equals("HEAD") || response.status() == 204) {
            if (method.equals("HEAD") && bytes.length > 0) {
                res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
            }
            res.send();
        } else {
            res.send(bytes);
        }
        return response.status();
    }

    private static int writeStream(ServerResponse res, String method, Response response, Response.Stream stream) {
        res.header(HeaderNames.CONTENT_TYPE, stream.contentType());
        if (stream.length() >= 0) {
            res.header(HeaderNames.CONTENT_LENGTH, Long.toString(stream.length()));
        }
        try (InputStream in = stream.in()) {
            if (method.equals("HEAD")) {
                res.send();
            } else {
                try (var out = res.outputStream()) {
                    in.transferTo(out);
                }
            }
        } catch (IOException e) {
            // The client went away or the source failed mid-stream; the status is already sent.
            LOG.warn("streaming a {} response failed: {}", response.status(), e.getMessage());
        }
        return response.status();
    }
}
