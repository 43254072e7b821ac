package dev.overcast.compute.servers;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.builds.BuildRequest;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.builds.InstanceMapping;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.FaultStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.network.InfoCacheStore;
import dev.overcast.compute.network.NetworkInfo;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * A server list across cells. Build requests and every cell are read in parallel; a cell that
 * does not answer within {@code list_cell_timeout} is left out (from 2.69 its servers come
 * back as UNKNOWN records from the API database). The rows are merge-sorted on the sort keys
 * with the uuid as the last key, so a marker from any cell pages through all of them.
 */
final class ServerListing {
    private static final Logger LOG = LoggerFactory.getLogger(ServerListing.class);
    static final int MAX_LIMIT = 1000;

    /** A page: the servers and, from 2.69, the UNKNOWN records of cells that did not answer. */
    record Page(List<ServerRecord> servers, List<InstanceMapping> unknown, boolean full) {
    }

    private record SortKey(String key, boolean ascending) {
    }

    private static final Map<String, Function<Instance, Comparable<?>>> SORTABLE = new LinkedHashMap<>();

    static {
        SORTABLE.put("created_at", Instance::createdAt);
        SORTABLE.put("updated_at", i -> i.updatedAt() == null ? i.createdAt() : i.updatedAt());
        SORTABLE.put("display_name", Instance::displayName);
        SORTABLE.put("display_description", Instance::description);
        SORTABLE.put("uuid", Instance::uuid);
        SORTABLE.put("vm_state", i -> i.state().vm().value());
        SORTABLE.put("task_state", i -> i.state().task() == null ? null : i.state().task().value());
        SORTABLE.put("power_state", i -> i.state().power().code());
        SORTABLE.put("availability_zone", Instance::availabilityZone);
        SORTABLE.put("launched_at", Instance::launchedAt);
        SORTABLE.put("terminated_at", Instance::terminatedAt);
        SORTABLE.put("key_name", Instance::keyName);
        SORTABLE.put("project_id", Instance::projectId);
        SORTABLE.put("user_id", Instance::userId);
        SORTABLE.put("hostname", Instance::hostname);
        SORTABLE.put("image_ref", Instance::imageRef);
        SORTABLE.put("launch_index", Instance::launchIndex);
        SORTABLE.put("access_ip_v4", Instance::accessIpV4);
        SORTABLE.put("access_ip_v6", Instance::accessIpV6);
        SORTABLE.put("locked_by", Instance::lockedBy);
        SORTABLE.put("host", Instance::host);
        SORTABLE.put("node", Instance::node);
    }

    /** Sort keys Nova accepts but Overcast has nothing to sort on: ignored, as Nova ignores some. */
    private static final Set<String> IGNORED_SORT_KEYS = Set.of("auto_disk_config", "config_drive", "kernel_id",
            "ramdisk_id", "root_device_name", "progress", "vm_mode", "instance_type_id", "architecture",
            "cell_name", "cleaned", "default_ephemeral_device", "default_swap_device", "deleted", "deleted_at",
            "disable_terminate", "ephemeral_gb", "ephemeral_key_uuid", "id", "key_data", "launched_on", "locked",
            "memory_mb", "os_type", "reservation_id", "root_gb", "shutdown_terminate", "user_data", "vcpus",
            "compute_id");

    private final ComputeContext ctx;
    private final ServerLookup lookup;

    ServerListing(ComputeContext ctx, ServerLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    Page list(Request req, boolean detail) {
        boolean admin = lookup.isAdmin(req);
        checkParams(req);
        ServerFilter filter = filter(req, admin, detail);
        List<SortKey> sort = sortKeys(req, admin);
        int limit = limit(req);
        Comparator<ServerRecord> order = comparator(sort);

        List<ServerRecord> rows = new ArrayList<>();
        List<InstanceMapping> unknown = new ArrayList<>();
        collect(filter, rows, unknown);
        rows.removeIf(filter.rest().negate());
        rows.sort(order);
        String marker = req.query("marker").orElse(null);
        if (marker != null) {
            // The marker as this listing read it: a server read again may have moved on from its
            // build request to its cell meanwhile, with another creation time.
            ServerRecord m = rows.stream().filter(r -> r.instance().uuid().equals(marker)).findFirst()
                    .or(() -> lookup.find(marker).filter(r -> lookup.visible(req, r.instance())))
                    .orElseThrow(() -> ApiException.badRequest("marker [" + marker + "] not found"));
            rows.removeIf(r -> r.instance().uuid().equals(marker) || order.compare(r, m) <= 0);
        }
        boolean full = rows.size() >= limit;
        List<ServerRecord> page = rows.subList(0, Math.min(limit, rows.size()));
        return new Page(detail ? enrich(page) : List.copyOf(page), req.versionAtLeast(2, 69) ? unknown : List.of(),
                full);
    }

    /** From 2.75 unknown query parameters are refused. */
    private static void checkParams(Request req) {
        if (!req.versionAtLeast(2, 75)) {
            return;
        }
        for (String name : req.queryParams().keySet()) {
            if (!ServerFilter.ALL_PARAMS.contains(name)) {
                throw ApiException.badRequest("Invalid input for query parameters " + name + ". "
                        + "Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
    }

    private ServerFilter filter(Request req, boolean admin, boolean detail) {
        boolean allTenants = req.query("all_tenants").map(v -> v.isEmpty() || ServerFilter.bool("all_tenants", v))
                .orElse(false);
        if (allTenants) {
            ctx.enforce(req, detail ? ServerPolicy.DETAIL_ALL_TENANTS : ServerPolicy.INDEX_ALL_TENANTS);
        }
        boolean allFilters = ctx.allows(req, ServerPolicy.ALL_FILTERS, Map.of());
        Function<String, String> param = name -> {
            boolean userFilter = ServerFilter.USER_FILTERS.contains(name)
                    || (req.versionAtLeast(2, 83) && ServerFilter.USER_FILTERS_2_83.contains(name));
            return userFilter || allFilters ? req.query(name).orElse(null) : null;
        };
        String project = allTenants ? firstNonNull(param.apply("project_id"), param.apply("tenant_id"))
                : req.auth().projectId();
        Instant since = time(req, "changes-since", param.apply("changes-since"));
        Instant before = time(req, "changes-before", req.versionAtLeast(2, 66) ? param.apply("changes-before") : null);
        if (since != null && before != null && since.isAfter(before)) {
            throw ApiException.badRequest("The value of changes-since must be less than or equal to changes-before.");
        }
        String deleted = param.apply("deleted");
        boolean onlyDeleted = deleted != null && ServerFilter.bool("deleted", deleted);
        List<Predicate<ServerRecord>> rest = new ArrayList<>();
        String value;
        if ((value = param.apply("name")) != null) {
            rest.add(ServerFilter.regex("name", value, Instance::displayName));
        }
        if ((value = param.apply("status")) != null) {
            rest.add(ServerFilter.status(value, req.versionAtLeast(2, 38)));
        }
        if ((value = param.apply("image")) != null) {
            String id = value.substring(value.lastIndexOf('/') + 1);
            rest.add(ServerFilter.equalsField(id, Instance::imageRef));
        }
        if ((value = param.apply("flavor")) != null) {
            String id = value.substring(value.lastIndexOf('/') + 1);
            rest.add(r -> id.equals(r.instance().flavor().flavorId()));
        }
        if ((value = param.apply("ip")) != null) {
            rest.add(ipMatches(value, 4));
        }
        if ((value = param.apply("ip6")) != null) {
            rest.add(ipMatches(value, 6));
        }
        if ((value = param.apply("reservation_id")) != null) {
            rest.add(ServerFilter.equalsField(value, Instance::reservationId));
        }
        if (req.versionAtLeast(2, 26)) {
            if ((value = param.apply("tags")) != null) {
                rest.add(ServerFilter.tags(value, true, false));
            }
            if ((value = param.apply("tags-any")) != null) {
                rest.add(ServerFilter.tags(value, false, false));
            }
            if ((value = param.apply("not-tags")) != null) {
                rest.add(ServerFilter.tags(value, true, true));
            }
            if ((value = param.apply("not-tags-any")) != null) {
                rest.add(ServerFilter.tags(value, false, true));
            }
        }
        if (req.versionAtLeast(2, 73) && (value = param.apply("locked")) != null) {
            boolean locked = ServerFilter.bool("locked", value);
            rest.add(r -> r.instance().locked() == locked);
        }
        for (String field : List.of("availability_zone", "key_name", "user_id", "node", "hostname", "uuid",
                "vm_state", "task_state", "description")) {
            if ((value = param.apply(field)) != null) {
                rest.add(fieldFilter(field, value));
            }
        }
        if ((value = param.apply("power_state")) != null) {
            rest.add(ServerFilter.equalsField(value, i -> i.state().power().code()));
        }
        return new ServerFilter(project, since != null || onlyDeleted, onlyDeleted, param.apply("host"), since, before,
                rest.stream().reduce(r -> true, Predicate::and));
    }

    private static Predicate<ServerRecord> fieldFilter(String field, String value) {
        return switch (field) {
            case "availability_zone" -> ServerFilter.regex(field, value, Instance::availabilityZone);
            case "key_name" -> ServerFilter.regex(field, value, Instance::keyName);
            case "hostname" -> ServerFilter.regex(field, value, Instance::hostname);
            case "description" -> ServerFilter.regex(field, value, Instance::description);
            case "node" -> ServerFilter.regex(field, value, Instance::node);
            case "user_id" -> ServerFilter.equalsField(value, Instance::userId);
            case "uuid" -> ServerFilter.equalsField(value, Instance::uuid);
            case "vm_state" -> ServerFilter.equalsField(value, i -> i.state().vm().value());
            case "task_state" -> ServerFilter.equalsField(value, i -> i.state().task() == null ? null
                    : i.state().task().value());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static Instant time(Request req, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("Invalid input for query parameters " + name + ". Value: " + value
                        + ". '" + value + "' is not a 'date-time'");
            }
        }
    }

    private static List<SortKey> sortKeys(Request req, boolean admin) {
        List<String> keys = req.queryParams().getOrDefault("sort_key", List.of());
        List<String> dirs = req.queryParams().getOrDefault("sort_dir", List.of());
        List<SortKey> out = new ArrayList<>();
        for (int n = 0; n < keys.size(); n++) {
            String key = keys.get(n);
            String dir = n < dirs.size() ? dirs.get(n) : "desc";
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw ApiException.badRequest("Invalid input for query parameters sort_dir. Value: " + dir
                        + ". '" + dir + "' is not one of ['asc', 'desc']");
            }
            if ((key.equals("host") || key.equals("node")) && !admin) {
                throw ApiException.forbidden("Only administrators can sort servers by host, node");
            }
            if (SORTABLE.containsKey(key)) {
                out.add(new SortKey(key, dir.equals("asc")));
            } else if (!IGNORED_SORT_KEYS.contains(key)) {
                throw ApiException.badRequest("Invalid input for query parameters sort_key. Value: " + key + ".");
            }
        }
        if (out.isEmpty()) {
            out.add(new SortKey("created_at", false));
        }
        boolean hasUuid = out.stream().anyMatch(k -> k.key().equals("uuid"));
        if (!hasUuid) {
            out.add(new SortKey("uuid", out.getFirst().ascending()));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<ServerRecord> comparator(List<SortKey> keys) {
        Comparator<ServerRecord> c = null;
        for (SortKey k : keys) {
            Function<Instance, Comparable<?>> get = SORTABLE.get(k.key());
            Comparator<Comparable> natural = k.ascending() ? Comparator.nullsFirst(Comparator.<Comparable>naturalOrder())
                    : Comparator.nullsLast(Comparator.<Comparable>naturalOrder()).reversed();
            Comparator<ServerRecord> one = Comparator.comparing(r -> (Comparable) get.apply(r.instance()), natural);
            c = c == null ? one : c.thenComparing(one);
        }
        return c;
    }

    static int limit(Request req) {
        String raw = req.query("limit").orElse(null);
        if (raw == null) {
            return MAX_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n < 0) {
                throw ApiException.badRequest("limit must be >= 0");
            }
            return Math.min(n, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit param must be an integer");
        }
    }

    /** Reads the build requests and every cell in parallel, each cell within the timeout. */
    private void collect(ServerFilter f, List<ServerRecord> rows, List<InstanceMapping> unknown) {
        BuildStore builds = new BuildStore(ctx.api());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<BuildRequest>> pending = pool.submit(() -> f.onlyDeleted() || f.host() != null
                    ? List.<BuildRequest>of() : builds.list(f.projectId()));
            Map<CellMapping, Future<List<ServerRecord>>> perCell = new LinkedHashMap<>();
            for (CellMapping cell : ctx.cells().all()) {
                perCell.put(cell, pool.submit(() -> cellRows(cell, f)));
            }
            Set<String> seen = new HashSet<>();
            long deadline = System.nanoTime() + ctx.settings().listCellTimeout().toNanos();
            for (var e : perCell.entrySet()) {
                try {
                    for (ServerRecord r : e.getValue().get(Math.max(0, deadline - System.nanoTime()),
                            TimeUnit.NANOSECONDS)) {
                        if (seen.add(r.uuid())) {
                            rows.add(r);
                        }
                    }
                } catch (TimeoutException | ExecutionException ex) {
                    LOG.warn("cell {} did not answer a server list: {}", e.getKey().name(), ex.toString());
                    e.getValue().cancel(true);
                    unknown.addAll(builds.mappingsInCell(e.getKey().id(), f.projectId()));
                }
            }
            for (BuildRequest b : pending.get()) {
                if (seen.add(b.uuid())) {
                    rows.add(new ServerRecord(b.instance(), b.metadata(), b.tags(), null, null));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing servers", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("listing build requests failed", e.getCause());
        }
    }

    private List<ServerRecord> cellRows(CellMapping cell, ServerFilter f) {
        InstanceStore store = new InstanceStore(ctx.cells().db(cell));
        List<Instance> instances = store.list(f.projectId(), f.includeDeleted(), f.onlyDeleted(), f.host(),
                f.changesSince(), f.changesBefore());
        List<String> uuids = instances.stream().map(Instance::uuid).toList();
        Map<String, List<String>> tags = store.tags(uuids);
        Map<String, NetworkInfo> networks = new InfoCacheStore(store.db()).get(uuids);
        List<ServerRecord> out = new ArrayList<>(instances.size());
        for (Instance i : instances) {
            out.add(new ServerRecord(i, null, tags.getOrDefault(i.uuid(), List.of()), null, cell, networks.get(i.uuid())));
        }
        return out;
    }

    /** Nova's {@code ip} and {@code ip6} filters: a regular expression found in one of the server's addresses. */
    private static java.util.function.Predicate<ServerRecord> ipMatches(String regex, int version) {
        java.util.regex.Pattern pattern;
        try {
            pattern = java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw ApiException.badRequest("Invalid filter: " + (version == 4 ? "ip" : "ip6") + " is not a regular expression");
        }
        return r -> r.network().ips().stream()
                .anyMatch(ip -> ip.version() == version && pattern.matcher(ip.address()).find());
    }

    /** Adds metadata and faults to the servers of a detailed page, one query per cell. */
    private List<ServerRecord> enrich(List<ServerRecord> page) {
        Map<CellMapping, List<String>> byCell = new LinkedHashMap<>();
        for (ServerRecord r : page) {
            if (r.cell() != null) {
                byCell.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r.uuid());
            }
        }
        Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
        Map<String, dev.overcast.compute.instances.Fault> faults = new LinkedHashMap<>();
        byCell.forEach((cell, uuids) -> {
            InstanceStore store = new InstanceStore(ctx.cells().db(cell));
            metadata.putAll(store.metadata(uuids));
            faults.putAll(new FaultStore(store.db()).latest(uuids));
        });
        List<ServerRecord> out = new ArrayList<>(page.size());
        for (ServerRecord r : page) {
            out.add(r.cell() == null ? r : new ServerRecord(r.instance(), metadata.getOrDefault(r.uuid(), Map.of()),
                    r.tags(), faults.get(r.uuid()), r.cell(), r.network()));
        }
        return out;
    }
}
