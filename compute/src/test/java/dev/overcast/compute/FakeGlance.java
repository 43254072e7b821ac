package dev.overcast.compute;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Image service's v2 API as far as Compute's image proxy calls it, on a real socket under
 * {@code /image}: images in memory, listed newest first with Glance's filters and paging (at
 * most {@value #MAX_PAGE} a page),
 * shown, deleted and patched. It records the tokens it was called with, and answers 401 to a
 * call without one.
 */
public final class FakeGlance implements AutoCloseable {
    private static final Set<String> BASE = Set.of("id", "name", "status", "visibility", "protected", "owner", "size",
            "min_ram", "min_disk", "created_at", "updated_at", "container_format", "disk_format", "self", "file",
            "schema", "tags", "os_hidden", "checksum", "virtual_size");

    /** Glance's {@code api_limit_max}, kept small here. */
    static final int MAX_PAGE = 3;

    private final HttpServer server;
    private final Map<String, ObjectNode> images = new ConcurrentHashMap<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private volatile Instant now = Instant.parse("2024-03-01T10:00:00Z");

    private FakeGlance(HttpServer server) {
        this.server = server;
    }

    public static FakeGlance start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeGlance glance = new FakeGlance(server);
            server.createContext("/image/v2/images", glance::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return glance;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The base URL, as Compute is given it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/image";
    }

    /** The tokens calls came with, in order. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /**
     * Adds an image created a minute after the previous one, with {@code properties} as its
     * custom properties; returns its id.
     */
    public synchronized String add(String name, String status, Map<String, String> properties) {
        now = now.plusSeconds(60);
        String id = UUID.randomUUID().toString();
        ObjectNode image = Json.object();
        image.put("id", id);
        image.put("name", name);
        image.put("status", status);
        image.put("visibility", "private");
        image.put("protected", false);
        image.put("os_hidden", false);
        image.put("owner", "p1");
        if (status.equals("active")) {
            image.put("size", 1024);
        } else {
            image.putNull("size");
        }
        image.putNull("virtual_size");
        image.put("min_ram", 0);
        image.put("min_disk", 0);
        image.put("container_format", "bare");
        image.put("disk_format", "raw");
        image.put("created_at", time(now));
        image.put("updated_at", time(now));
        image.putArray("tags");
        image.put("self", "/v2/images/" + id);
        image.put("file", "/v2/images/" + id + "/file");
        image.put("schema", "/v2/schemas/image");
        properties.forEach(image::put);
        images.put(id, image);
        return id;
    }

    /** Changes one attribute of an image, as if Glance had. */
    public void set(String id, String attribute, Object value) {
        images.get(id).set(attribute, Json.tree(value));
    }

    public ObjectNode image(String id) {
        return images.get(id);
    }

    public boolean has(String id) {
        return images.containsKey(id);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String token = ex.getRequestHeaders().getFirst("X-Auth-Token");
            if (token == null) {
                reply(ex, 401, error(401, "Authentication required"));
                return;
            }
            tokens.add(token);
            String path = ex.getRequestURI().getRawPath().substring("/image/v2/images".length());
            boolean file = path.endsWith("/file");
            if (file) {
                path = path.substring(0, path.length() - "/file".length());
            }
            String id = path.isEmpty() || path.equals("/") ? null
                    : URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
            if (file) {
                data(ex, id);
                return;
            }
            switch (ex.getRequestMethod()) {
                case "POST" -> create(ex);
                case "GET" -> {
                    if (id == null) {
                        list(ex);
                    } else {
                        withImage(ex, id, image -> reply(ex, 200, image));
                    }
                }
                case "DELETE" -> withImage(ex, id, image -> {
                    if (image.path("protected").asBoolean()) {
                        reply(ex, 403, error(403, "Image " + id + " is protected and cannot be deleted."));
                        return;
                    }
                    images.remove(id);
                    reply(ex, 204, null);
                });
                case "PATCH" -> withImage(ex, id, image -> patch(ex, image));
                default -> reply(ex, 405, error(405, "Method not allowed"));
            }
        }
    }

    /** A snapshot's create: a queued image with the body's name, formats and properties. */
    private void create(HttpExchange ex) throws IOException {
        ObjectNode body = (ObjectNode) Json.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        body.properties().forEach(e -> {
            if (!e.getKey().equals("name")) {
                properties.put(e.getKey(), e.getValue().asString());
            }
        });
        String id = add(body.path("name").asString(), "queued", properties);
        reply(ex, 201, images.get(id));
    }

    /** Image data: every image reads as 1,024 zero bytes; an upload makes the image active at its size. */
    private void data(HttpExchange ex, String id) throws IOException {
        withImage(ex, id, image -> {
            if (ex.getRequestMethod().equals("PUT")) {
                int size = ex.getRequestBody().readAllBytes().length;
                image.put("status", "active");
                image.put("size", size);
                reply(ex, 204, null);
            } else {
                byte[] bytes = new byte[1024];
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
            }
        });
    }

    private interface ImageAction {
        void apply(ObjectNode image) throws IOException;
    }

    private void withImage(HttpExchange ex, String id, ImageAction action) throws IOException {
        ObjectNode image = id == null ? null : images.get(id);
        if (image == null) {
            reply(ex, 404, error(404, "No image found with ID " + id));
            return;
        }
        action.apply(image);
    }

    private synchronized void patch(HttpExchange ex, ObjectNode image) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (!"application/openstack-images-v2.1-json-patch".equals(type)) {
            reply(ex, 415, error(415, "Unsupported Content-Type " + type));
            return;
        }
        JsonNode ops;
        try (InputStream in = ex.getRequestBody()) {
            ops = Json.mapper().readTree(in);
        }
        ObjectNode changed = image.deepCopy();
        for (JsonNode op : ops) {
            String key = op.path("path").asString().substring(1).replace("~1", "/").replace("~0", "~");
            if (Set.of("id", "status", "created_at", "updated_at", "self", "file", "schema", "size").contains(key)) {
                reply(ex, 403, error(403, "Attribute '" + key + "' is read-only."));
                return;
            }
            switch (op.path("op").asString()) {
                case "add", "replace" -> changed.set(key, op.get("value"));
                case "remove" -> {
                    if (changed.remove(key) == null) {
                        reply(ex, 409, error(409, "Property " + key + " does not exist."));
                        return;
                    }
                }
                default -> {
                    reply(ex, 400, error(400, "Invalid operation"));
                    return;
                }
            }
        }
        now = now.plusSeconds(1);
        changed.put("updated_at", time(now));
        images.put(image.path("id").asString(), changed);
        reply(ex, 200, changed);
    }

    private void list(HttpExchange ex) throws IOException {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        // A small api_limit_max, so that the proxy has to follow Glance's pages.
        int limit = Math.min(Integer.parseInt(query.getOrDefault("limit", "25")), MAX_PAGE);
        String marker = query.get("marker");
        List<ObjectNode> all = new ArrayList<>(images.values());
        all.sort(Comparator.comparing((ObjectNode i) -> i.path("created_at").asString()).reversed()
                .thenComparing(i -> i.path("id").asString()));
        List<ObjectNode> matching = all.stream().filter(i -> matches(i, query)).toList();
        if (marker != null) {
            int at = indexOf(all, marker);
            if (at < 0) {
                reply(ex, 400, error(400, "marker " + marker + " could not be found."));
                return;
            }
            ObjectNode markerImage = all.get(at);
            matching = matching.stream().filter(i -> order(i, markerImage) > 0).toList();
        }
        List<ObjectNode> page = matching.subList(0, Math.min(matching.size(), limit));
        ObjectNode body = Json.object();
        var list = body.putArray("images");
        page.forEach(list::add);
        body.put("first", "/v2/images");
        body.put("schema", "/v2/schemas/images");
        if (page.size() == limit && limit < matching.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("marker", page.getLast().path("id").asString());
            StringBuilder href = new StringBuilder("/v2/images");
            char sep = '?';
            for (var e : next.entrySet()) {
                href.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
            body.put("next", href.toString());
        }
        reply(ex, 200, body);
    }

    private static int order(ObjectNode a, ObjectNode b) {
        int byTime = b.path("created_at").asString().compareTo(a.path("created_at").asString());
        return byTime != 0 ? byTime : a.path("id").asString().compareTo(b.path("id").asString());
    }

    private static int indexOf(List<ObjectNode> images, String id) {
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).path("id").asString().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(ObjectNode image, Map<String, String> query) {
        for (var e : query.entrySet()) {
            String key = e.getKey();
            String want = e.getValue();
            if (key.equals("limit") || key.equals("marker")) {
                continue;
            }
            if (key.equals("updated_at")) {
                Instant since = OffsetDateTime.parse(want.substring("gte:".length())).toInstant();
                if (Instant.parse(image.path("updated_at").asString()).isBefore(since)) {
                    return false;
                }
                continue;
            }
            JsonNode have = image.get(key);
            if (have == null || !have.asString().equals(want)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode out = Json.object();
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return out;
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.bytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Glance's base attributes, the rest being custom properties. */
    static boolean isBase(String key) {
        return BASE.contains(key);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
