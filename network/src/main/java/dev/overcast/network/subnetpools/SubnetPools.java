package dev.overcast.network.subnetpools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.Events;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NetworkFeature;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Attributes;
import dev.overcast.network.api.Fields;
import dev.overcast.network.api.NeutronListing;
import dev.overcast.network.api.ResourceBody;
import dev.overcast.network.api.Timestamps;
import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.tags.TagStore;
import dev.overcast.network.tags.Taggable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subnet pools ({@code /v2.0/subnetpools}) and the allocation of a subnet's CIDR from one
 * ({@link #allocate}), with the subnet_allocation and default-subnetpools extensions. Address
 * scopes are not served ({@code address_scope_id} is always null).
 */
public final class SubnetPools implements NetworkFeature {
    private static final Set<String> CREATE = Set.of("name", "description", "prefixes", "default_prefixlen",
            "min_prefixlen", "max_prefixlen", "shared", "is_default", "address_scope_id", "default_quota",
            "tenant_id", "project_id");
    private static final Set<String> LIST_ATTRIBUTES = Set.of("id", "name", "tenant_id", "project_id", "ip_version",
            "default_prefixlen", "min_prefixlen", "max_prefixlen", "shared", "is_default", "description",
            "address_scope_id", "created_at", "updated_at", "revision_number");

    private final NetworkContext ctx;
    private final QuotaCheck quotas;
    private final NeutronListing listing;

    public SubnetPools(NetworkContext ctx, QuotaCheck quotas) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.listing = NeutronListing.builder("subnetpools", LIST_ATTRIBUTES, ctx.settings().maxLimit()).build();
    }

    @Override
    public void routes(Routes r) {
        r.get("/v2.0/subnetpools", this::list)
                .post("/v2.0/subnetpools", this::create)
                .get("/v2.0/subnetpools/{id}", this::show)
                .put("/v2.0/subnetpools/{id}", this::update)
                .delete("/v2.0/subnetpools/{id}", this::delete);
    }

    @Override
    public List<Extension> extensions() {
        return List.of(new Extension("subnet_allocation", "Subnet Allocation", "Enables allocation of subnets from a subnet pool"),
                new Extension("default-subnetpools", "Default Subnetpools", "Provides ability to mark and use a subnetpool as the default."));
    }

    @Override
    public List<Collection> collections() {
        return List.of(new Collection("subnetpool", "subnetpools"));
    }

    /** Access checks for the tags API. */
    public Taggable taggable() {
        return (h, req, id, modify) -> {
            SubnetPoolRow p = visible(h, req.auth(), id);
            if (modify) {
                ctx.enforce(req, "update_subnetpool", target(p));
            }
        };
    }

    /** A subnet's CIDR from a pool: the pool, and the block carved for the subnet. */
    public record Allocation(String subnetpoolId, Cidr cidr) {
    }

    /**
     * Carves a subnet's CIDR out of pool {@code poolId} (or the default pool of {@code ipVersion}
     * when {@code poolId} is null): {@code cidr} if it is free inside the pool, else the first free
     * block of {@code prefixlen} (the pool's default when null). Holds the pool's row lock.
     */
    public Allocation allocate(Handle h, AuthContext auth, String poolId, int ipVersion, Integer prefixlen,
            String cidr) {
        SubnetPoolRow pool;
        if (poolId == null) {
            pool = SubnetPoolStore.defaultFor(h, ipVersion).orElseThrow(() -> NeutronErrors.of(400, "HTTPBadRequest",
                    "Bad subnets request: No default subnetpool found for IPv" + ipVersion + "."));
        } else {
            pool = visible(h, auth, poolId);
        }
        pool = SubnetPoolStore.lock(h, pool.id()).orElseThrow();
        if (pool.ipVersion() != ipVersion) {
            throw NeutronErrors.invalidInput("ip_version " + ipVersion + " does not match the subnet pool's ("
                    + pool.ipVersion() + ")");
        }
        List<Cidr> taken = SubnetPoolStore.allocated(h, pool.id());
        if (cidr != null) {
            Cidr wanted = Cidr.parse(cidr).map(Cidr.Parsed::normalized)
                    .orElseThrow(() -> Attributes.invalid("cidr", "'" + cidr + "' is not a valid IP subnet"));
            if (!PrefixAllocator.fits(pool.cidrs(), taken, wanted)) {
                throw NeutronErrors.conflict("SubnetAllocationError", "Failed to allocate subnet: Cannot allocate"
                        + " requested subnet from the available set of prefixes.");
            }
            return new Allocation(pool.id(), wanted);
        }
        int length = prefixlen == null ? pool.defaultPrefixlen() : prefixlen;
        if (length < pool.minPrefixlen() || length > pool.maxPrefixlen()) {
            throw NeutronErrors.of(400, "IllegalSubnetPoolPrefixLength", "Illegal prefix bounds: prefixlen=" + length
                    + ", min_prefixlen=" + pool.minPrefixlen() + ", max_prefixlen=" + pool.maxPrefixlen() + ".");
        }
        Cidr block = PrefixAllocator.first(pool.cidrs(), taken, length).orElseThrow(() -> NeutronErrors.conflict(
                "SubnetAllocationError", "Failed to allocate subnet: Insufficient prefix space to allocate subnet"
                        + " size /" + length + "."));
        return new Allocation(pool.id(), block);
    }

    private SubnetPoolRow visible(Handle h, AuthContext auth, String id) {
        return SubnetPoolStore.find(h, id).filter(p -> ctx.allowed(auth, "get_subnetpool", target(p)))
                .orElseThrow(() -> NeutronErrors.notFound("Subnet pool", id));
    }

    private static Map<String, Object> target(SubnetPoolRow p) {
        Map<String, Object> t = new HashMap<>();
        t.put("id", p.id());
        t.put("project_id", p.projectId());
        t.put("tenant_id", p.projectId());
        t.put("shared", p.shared());
        return t;
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        List<ObjectNode> views = Transactions.read(ctx.jdbi(), h -> {
            List<SubnetPoolRow> rows = SubnetPoolStore.visible(h, auth.projectId(), ctx.isAdmin(auth)).stream()
                    .filter(p -> ctx.allowed(auth, "get_subnetpool", target(p))).toList();
            Map<String, List<String>> tags = TagStore.tagsOf(h, "subnetpools", rows.stream().map(SubnetPoolRow::id).toList());
            return rows.stream().map(p -> render(p, tags.get(p.id()))).toList();
        });
        return Response.ok(listing.render(req, views));
    }

    private Response show(Request req) {
        String id = req.param("id");
        ObjectNode view = Transactions.read(ctx.jdbi(), h -> {
            SubnetPoolRow p = visible(h, req.auth(), id);
            return render(p, TagStore.tagsOf(h, "subnetpools", id));
        });
        return Response.ok(Json.object().set("subnetpool", Fields.project(req, view)));
    }

    private Response create(Request req) {
        AuthContext auth = req.auth();
        ObjectNode body = ResourceBody.read(req, "subnetpool", CREATE);
        if (body.hasNonNull("address_scope_id")) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Address scopes are not supported by this cloud.");
        }
        String project = Attributes.project(body, auth.projectId());
        boolean shared = Attributes.bool(body, "shared", false);
        boolean isDefault = Attributes.bool(body, "is_default", false);
        Map<String, Object> target = Map.of("project_id", project, "tenant_id", project, "shared", shared);
        ctx.enforce(req, "create_subnetpool", target);
        if (shared) {
            ctx.enforce(req, "create_subnetpool:shared", target);
        }
        if (isDefault) {
            ctx.enforce(req, "create_subnetpool:is_default", target);
        }
        if (!body.has("prefixes")) {
            throw Attributes.missing("prefixes");
        }
        List<Cidr> prefixes = prefixes(body.get("prefixes"));
        int version = prefixes.getFirst().version();
        int bits = version == 4 ? 32 : 128;
        int widest = prefixes.stream().mapToInt(Cidr::prefix).min().orElseThrow();
        int min = bounded(body, "min_prefixlen", widest, 0, bits);
        int max = bounded(body, "max_prefixlen", bits, 0, bits);
        int def = bounded(body, "default_prefixlen", min, 0, bits);
        checkBounds(min, def, max);
        var now = ctx.clock().instant();
        SubnetPoolRow row = new SubnetPoolRow(UUID.randomUUID().toString(), Attributes.string(body, "name", 255, ""),
                project, version, prefixesJson(prefixes), def, min, max, shared, isDefault,
                Attributes.string(body, "description", 255, ""), now, now, 0);
        ObjectNode view = Transactions.write(ctx.jdbi(), h -> {
            quotas.check(h, project, "subnetpool", 1);
            if (isDefault) {
                refuseSecondDefault(h, version, null);
            }
            SubnetPoolStore.insert(h, row);
            return render(row, List.of());
        });
        Events.end(ctx, "subnetpool", "create", view);
        return Response.created(Json.object().set("subnetpool", view));
    }

    private Response update(Request req) {
        String id = req.param("id");
        ObjectNode body = ResourceBody.read(req, "subnetpool", CREATE);
        Attributes.refuseReadOnly(body, List.of("shared", "address_scope_id", "tenant_id", "project_id"));
        ObjectNode view = Transactions.write(ctx.jdbi(), h -> {
            SubnetPoolRow p = visible(h, req.auth(), id);
            ctx.enforce(req, "update_subnetpool", target(p));
            if (body.has("is_default")) {
                ctx.enforce(req, "update_subnetpool:is_default", target(p));
            }
            p = SubnetPoolStore.lock(h, id).orElseThrow();
            List<Cidr> prefixes = p.cidrs();
            if (body.has("prefixes")) {
                List<Cidr> wanted = prefixes(body.get("prefixes"));
                for (Cidr old : prefixes) {
                    if (wanted.stream().noneMatch(w -> w.prefix() <= old.prefix() && w.contains(old.network()))) {
                        throw NeutronErrors.invalidInput("Existing prefixes must be a subset of the new prefixes");
                    }
                }
                prefixes = wanted;
            }
            int bits = p.ipVersion() == 4 ? 32 : 128;
            int min = bounded(body, "min_prefixlen", p.minPrefixlen(), 0, bits);
            int max = bounded(body, "max_prefixlen", p.maxPrefixlen(), 0, bits);
            int def = bounded(body, "default_prefixlen", p.defaultPrefixlen(), 0, bits);
            checkBounds(min, def, max);
            boolean isDefault = Attributes.bool(body, "is_default", p.isDefault());
            if (isDefault && !p.isDefault()) {
                refuseSecondDefault(h, p.ipVersion(), p.id());
            }
            SubnetPoolRow changed = new SubnetPoolRow(p.id(), Attributes.string(body, "name", 255, p.name()),
                    p.projectId(), p.ipVersion(), prefixesJson(prefixes), def, min, max, p.shared(), isDefault,
                    Attributes.string(body, "description", 255, p.description()), p.createdAt(),
                    ctx.clock().instant(), p.revisionNumber() + 1);
            SubnetPoolStore.update(h, changed);
            return render(changed, TagStore.tagsOf(h, "subnetpools", id));
        });
        Events.end(ctx, "subnetpool", "update", view);
        return Response.ok(Json.object().set("subnetpool", view));
    }

    private Response delete(Request req) {
        String id = req.param("id");
        Transactions.write(ctx.jdbi(), h -> {
            SubnetPoolRow p = visible(h, req.auth(), id);
            ctx.enforce(req, "delete_subnetpool", target(p));
            SubnetPoolStore.lock(h, id);
            if (SubnetPoolStore.subnetsUsing(h, id) > 0) {
                throw NeutronErrors.conflict("SubnetPoolInUse", "Unable to complete operation on subnet pool " + id
                        + ". Subnet pool has existing allocations.");
            }
            SubnetPoolStore.delete(h, id);
            return null;
        });
        Events.deleted(ctx, "subnetpool", id);
        return Response.noContent();
    }

    private static void refuseSecondDefault(Handle h, int version, String self) {
        SubnetPoolStore.defaultFor(h, version).filter(d -> !d.id().equals(self)).ifPresent(d -> {
            throw NeutronErrors.invalidInput("A default subnetpool for this IP family has already been set."
                    + " Only one default may exist per IP family");
        });
    }

    private static List<Cidr> prefixes(JsonNode given) {
        if (given == null || !given.isArray() || given.isEmpty()) {
            throw Attributes.invalid("prefixes", "'" + Attributes.show(given) + "' is not a list of IP subnets");
        }
        Set<Cidr> out = new LinkedHashSet<>();
        for (JsonNode p : given) {
            String text = p.isString() ? p.asString() : Attributes.show(p);
            out.add(Cidr.parse(text).map(Cidr.Parsed::normalized)
                    .orElseThrow(() -> Attributes.invalid("prefixes", "'" + text + "' is not a valid IP subnet")));
        }
        if (out.stream().map(Cidr::version).distinct().count() > 1) {
            throw NeutronErrors.of(400, "PrefixVersionMismatch", "Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
        }
        return new ArrayList<>(out);
    }

    private static int bounded(ObjectNode body, String name, int fallback, int low, int high) {
        Integer v = Attributes.integer(body, name, fallback, false);
        if (v < low || v > high) {
            throw Attributes.invalid(name, "'" + v + "' is not in range " + low + " through " + high);
        }
        return v;
    }

    private static void checkBounds(int min, int def, int max) {
        if (def < min) {
            throw NeutronErrors.of(400, "IllegalSubnetPoolPrefixBounds", "Illegal prefix bounds: default_prefixlen="
                    + def + ", min_prefixlen=" + min + ".");
        }
        if (max < def) {
            throw NeutronErrors.of(400, "IllegalSubnetPoolPrefixBounds", "Illegal prefix bounds: max_prefixlen="
                    + max + ", default_prefixlen=" + def + ".");
        }
    }

    private static String prefixesJson(List<Cidr> prefixes) {
        ArrayNode out = Json.array();
        prefixes.forEach(p -> out.add(p.toString()));
        return Json.write(out);
    }

    private static ObjectNode render(SubnetPoolRow p, List<String> tags) {
        ObjectNode o = Json.object();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("tenant_id", p.projectId());
        o.put("project_id", p.projectId());
        o.put("ip_version", p.ipVersion());
        o.set("prefixes", Json.parse(p.prefixes()));
        o.put("default_prefixlen", p.defaultPrefixlen());
        o.put("min_prefixlen", p.minPrefixlen());
        o.put("max_prefixlen", p.maxPrefixlen());
        o.put("shared", p.shared());
        o.put("is_default", p.isDefault());
        o.putNull("address_scope_id");
        o.putNull("default_quota");
        o.put("description", p.description());
        ArrayNode t = o.putArray("tags");
        tags.forEach(t::add);
        o.put("created_at", Timestamps.format(p.createdAt()));
        o.put("updated_at", Timestamps.format(p.updatedAt()));
        o.put("revision_number", p.revisionNumber());
        return o;
    }
}
