package dev.overcast.compute.keypairs;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.keypairs.KeyPairStore.KeyPairRow;
import dev.overcast.compute.quotas.QuotaEnforcer;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.core.listing.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-keypairs}: import (or, before 2.92, generate) a key pair, list, show and delete
 * one's own; admins name another user with {@code user_id} from 2.10. Per microversion: 2.2
 * adds {@code type} and answers 201 on create and 204 on delete; 2.35 pages the list; 2.75
 * refuses unknown query parameters; 2.92 requires a public key and allows {@code @} and
 * {@code .} in names.
 */
public final class KeyPairApi {
    private static final int MAX_LIMIT = 1000;
    private static final String SAFE_CHARS = "_- 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String SAFE_CHARS_292 = "@." + SAFE_CHARS;

    private final ComputeContext ctx;
    private final KeyPairStore store;
    private final QuotaEnforcer quotas;
    private final KeyGenerator generator;

    public KeyPairApi(ComputeContext ctx) {
        this.ctx = ctx;
        this.store = new KeyPairStore(ctx);
        this.quotas = new QuotaEnforcer(ctx);
        this.generator = new KeyGenerator(new SecureRandom(), ctx.clock());
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-keypairs", this::index)
                .post("/v2.1/os-keypairs", this::create)
                .get("/v2.1/os-keypairs/{name}", this::show)
                .delete("/v2.1/os-keypairs/{name}", this::delete);
    }

    private Response index(Request req) {
        strictQuery(req, req.versionAtLeast(2, 35) ? Set.of("user_id", "limit", "marker") : Set.of("user_id"));
        String userId = userId(req);
        ctx.enforce(req, KeyPairPolicy.INDEX, Map.of("user_id", userId));
        boolean paged = req.versionAtLeast(2, 35);
        int limit = paged ? limit(req) : Integer.MAX_VALUE - 1;
        String marker = paged ? req.query("marker").orElse(null) : null;
        Page<KeyPairRow> page = Page.of(store.page(userId, marker, limit + 1), limit, r -> r.keyPair().name());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("keypairs");
        for (KeyPairRow row : page.items()) {
            KeyPair k = row.keyPair();
            ObjectNode item = list.addObject().putObject("keypair");
            item.put("name", k.name());
            item.put("public_key", k.publicKey());
            item.put("fingerprint", k.fingerprint());
            if (req.versionAtLeast(2, 2)) {
                item.put("type", k.type());
            }
        }
        if (paged) {
            var links = page.links(req.serviceUrl() + "/v2.1/os-keypairs", req.queryParams());
            if (!links.isEmpty()) {
                out.set("keypairs_links", Json.tree(links));
            }
        }
        return Response.ok(out);
    }

    private Response create(Request req) {
        String schema = req.versionAtLeast(2, 92) ? "keypair_create_v2_92"
                : req.versionAtLeast(2, 10) ? "keypair_create_v2_10"
                : req.versionAtLeast(2, 2) ? "keypair_create_v2_2" : "keypair_create_v2_1";
        JsonNode params = ctx.schemas().validateObject(schema, req.json()).get("keypair");
        String name = params.get("name").asString();
        requirePrintable(name);
        String type = params.hasNonNull("type") ? params.get("type").asString() : "ssh";
        String userId = params.hasNonNull("user_id") ? params.get("user_id").asString() : req.auth().userId();
        ctx.enforce(req, KeyPairPolicy.CREATE, Map.of("user_id", userId));
        requireSafe(name, req.versionAtLeast(2, 92));
        quotas.check(req.auth().projectId(), userId, Map.of("key_pairs", 1L));
        String privateKey = null;
        String publicKey;
        String fingerprint;
        if (params.has("public_key")) {
            publicKey = params.get("public_key").asString();
            fingerprint = type.equals("x509") ? PublicKeys.x509Fingerprint(publicKey)
                    : PublicKeys.sshFingerprint(publicKey);
        } else {
            if (store.exists(userId, name)) {
                // Known before spending a key generation on it; the insert would refuse it too.
                throw ApiException.conflict("Key pair '" + name + "' already exists.");
            }
            KeyGenerator.Generated generated = type.equals("x509") ? generator.x509(userId) : generator.ssh();
            privateKey = generated.privateKey();
            publicKey = generated.publicKey();
            fingerprint = generated.fingerprint();
        }
        KeyPair k = new KeyPair(name, userId, fingerprint, publicKey, type, ctx.clock().instant());
        store.insert(k);
        ObjectNode item = Json.object();
        if (privateKey != null) {
            item.put("private_key", privateKey);
        }
        if (req.versionAtLeast(2, 2)) {
            item.put("type", type);
        }
        item.put("name", name);
        item.put("public_key", publicKey);
        item.put("fingerprint", fingerprint);
        item.put("user_id", userId);
        ObjectNode out = Json.object();
        out.set("keypair", item);
        return Response.status(req.versionAtLeast(2, 2) ? 201 : 200, out);
    }

    private Response show(Request req) {
        strictQuery(req, Set.of("user_id"));
        String userId = userId(req);
        ctx.enforce(req, KeyPairPolicy.SHOW, Map.of("user_id", userId));
        String name = req.param("name");
        KeyPairRow row = store.row(userId, name).orElseThrow(() -> notFound(name, userId));
        KeyPair k = row.keyPair();
        ObjectNode item = Json.object();
        item.put("name", k.name());
        item.put("public_key", k.publicKey());
        item.put("fingerprint", k.fingerprint());
        item.put("user_id", k.userId());
        item.put("created_at", pythonTime(k.createdAt()));
        item.put("deleted", false);
        item.putNull("deleted_at");
        item.put("id", row.id());
        if (row.updatedAt() == null) {
            item.putNull("updated_at");
        } else {
            item.put("updated_at", pythonTime(row.updatedAt()));
        }
        if (req.versionAtLeast(2, 2)) {
            item.put("type", k.type());
        }
        ObjectNode out = Json.object();
        out.set("keypair", item);
        return Response.ok(out);
    }

    private Response delete(Request req) {
        strictQuery(req, Set.of("user_id"));
        String userId = userId(req);
        ctx.enforce(req, KeyPairPolicy.DELETE, Map.of("user_id", userId));
        String name = req.param("name");
        if (!store.delete(userId, name)) {
            throw notFound(name, userId);
        }
        return req.versionAtLeast(2, 2) ? Response.noContent() : Response.accepted(null);
    }

    /** The user whose key pairs are meant: {@code user_id} from 2.10, else the caller. */
    private static String userId(Request req) {
        if (req.versionAtLeast(2, 10)) {
            List<String> given = req.queryParams().get("user_id");
            if (given != null && !given.isEmpty()) {
                return given.getFirst();
            }
        }
        return req.auth().userId();
    }

    /** From 2.75 a query parameter the API does not take is a 400. */
    private static void strictQuery(Request req, Set<String> allowed) {
        if (!req.versionAtLeast(2, 75)) {
            return;
        }
        for (String name : req.queryParams().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
    }

    private static int limit(Request req) {
        String value = req.query("limit").orElse(null);
        if (value == null) {
            return MAX_LIMIT;
        }
        String text = value;
        if (!text.matches("[0-9]+")) {
            throw ApiException.badRequest("Invalid input for query parameters limit. Value: " + value + ". '" + value
                    + "' does not match '^[0-9]*$'");
        }
        java.math.BigInteger limit = new java.math.BigInteger(text);
        return limit.signum() == 0 ? MAX_LIMIT : limit.min(java.math.BigInteger.valueOf(MAX_LIMIT)).intValueExact();
    }

    /** Nova's {@code name} format: printable characters, not starting or ending with whitespace. */
    private static void requirePrintable(String name) {
        if (Character.isSpaceChar(name.codePointAt(0)) || Character.isSpaceChar(name.codePointBefore(name.length()))
                || name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw ApiException.badRequest("An invalid 'name' value was provided. The name must be: printable "
                    + "characters. Can not start or end with whitespace.");
        }
    }

    /** Only letters, digits, {@code _}, {@code -} and spaces; from 2.92 also {@code @} and {@code .}. */
    private static void requireSafe(String name, boolean v292) {
        String safe = v292 ? SAFE_CHARS_292 : SAFE_CHARS;
        for (int i = 0; i < name.length(); i++) {
            if (safe.indexOf(name.charAt(i)) < 0) {
                if (v292) {
                    throw ApiException.badRequest("An invalid 'name' value was provided. The name must be: Only "
                            + "expected characters: [" + SAFE_CHARS_292 + "]");
                }
                throw ApiException.badRequest("Keypair data is invalid: Keypair name contains unsafe characters");
            }
        }
    }

    private static ApiException notFound(String name, String userId) {
        return ApiException.notFound("Keypair " + name + " not found for user " + userId);
    }

    /** A time as Python's {@code isoformat()} writes a naive UTC datetime: microseconds only when not zero. */
    static String pythonTime(Instant t) {
        LocalDateTime utc = LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        String pattern = utc.getNano() == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.SSSSSS";
        return utc.format(DateTimeFormatter.ofPattern(pattern));
    }
}
