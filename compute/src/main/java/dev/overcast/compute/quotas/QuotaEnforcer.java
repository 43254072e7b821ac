package dev.overcast.compute.quotas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;

/**
 * Checks that a request stays within quota, as Nova's {@code Quotas.check_deltas} and
 * {@code limit_check} do, counting usage rather than reserving it.
 *
 * <p>Counted resources ({@code instances}, {@code cores}, {@code ram}, {@code server_groups})
 * are checked as usage plus the delta against both the project's limit and the user's;
 * {@code key_pairs} as the user's key pairs plus the delta against the smaller of the two; any
 * other resource ({@code metadata_items}, {@code injected_files},
 * {@code server_group_members}, ...) is checked as the given value alone, which the caller
 * counts. Going over is a 403 with Nova's message.
 *
 * <p>As in Nova, two requests checked at the same moment may both pass; the servers code
 * re-checks after it has recorded the new instances.
 */
public final class QuotaEnforcer {
    private static final List<String> COUNTED = List.of("instances", "cores", "ram", "server_groups");

    private final Quotas quotas;

    public QuotaEnforcer(ComputeContext ctx) {
        this.quotas = new Quotas(ctx);
    }

    /**
     * Passes when {@code deltas} fit the quotas of {@code projectId} and {@code userId};
     * otherwise a 403 naming every resource that would go over.
     *
     * @param deltas resource name → what the request adds (instances, cores and ram for a boot
     *               of N servers: N, N × vcpus, N × memory_mb)
     * @throws IllegalArgumentException for a resource Nova does not know
     */
    public void check(String projectId, String userId, Map<String, Long> deltas) {
        for (String resource : deltas.keySet()) {
            if (!QuotaResources.known(resource)) {
                throw new IllegalArgumentException("no quota resource " + resource);
            }
        }
        Map<String, Long> projectLimits = quotas.projectLimits(projectId);
        Map<String, Long> userLimits = quotas.userLimits(projectId, userId);
        // Usage is counted only when some limit asked about is finite: unlimited resources cost nothing.
        boolean counts = deltas.keySet().stream().anyMatch(r -> (COUNTED.contains(r) || r.equals("key_pairs"))
                && (projectLimits.get(r) >= 0 || userLimits.get(r) >= 0));
        Usage usage = counts ? quotas.counter().count(projectId, userId) : new Usage(Map.of(), Map.of());
        List<Over> overs = new ArrayList<>();
        for (Map.Entry<String, Long> delta : new TreeMap<>(deltas).entrySet()) {
            String resource = delta.getKey();
            long requested = delta.getValue();
            long projectLimit = projectLimits.get(resource);
            long userLimit = userLimits.get(resource);
            if (COUNTED.contains(resource)) {
                long projectUsed = usage.project(resource);
                long userUsed = usage.user(resource);
                if (exceeds(projectLimit, projectUsed + requested)) {
                    overs.add(new Over(resource, requested, projectUsed, projectLimit));
                } else if (exceeds(userLimit, userUsed + requested)) {
                    overs.add(new Over(resource, requested, userUsed, userLimit));
                }
            } else {
                long used = resource.equals("key_pairs") ? usage.user(resource) : 0;
                long limit = projectLimit < 0 ? userLimit : userLimit < 0 ? projectLimit
                        : Math.min(projectLimit, userLimit);
                if (exceeds(limit, used + requested)) {
                    overs.add(new Over(resource, requested, used, limit));
                }
            }
        }
        if (!overs.isEmpty()) {
            throw ApiException.forbidden(message(overs));
        }
    }

    /** The limit that applies to {@code userId} in {@code projectId} (the project's when userId is null); -1 is none. */
    public long limit(String projectId, String userId, String resource) {
        if (!QuotaResources.known(resource)) {
            throw new IllegalArgumentException("no quota resource " + resource);
        }
        return userId == null ? quotas.projectLimits(projectId).get(resource)
                : quotas.userLimits(projectId, userId).get(resource);
    }

    private static boolean exceeds(long limit, long value) {
        return limit >= 0 && value > limit;
    }

    private record Over(String resource, long requested, long used, long allowed) {
    }

    /**
     * Nova's messages: {@code TooManyInstances} for instances, cores and RAM (every resource
     * over, in name order), and the specific message of the one other resource over.
     */
    private static String message(List<Over> overs) {
        if (overs.size() == 1) {
            Over o = overs.getFirst();
            switch (o.resource()) {
                case "key_pairs" -> {
                    return "Quota exceeded, too many key pairs.";
                }
                case "server_groups" -> {
                    return "Quota exceeded, too many server groups.";
                }
                case "server_group_members" -> {
                    return "Quota exceeded, too many servers in group";
                }
                case "metadata_items" -> {
                    return "Maximum number of metadata items exceeds " + o.allowed();
                }
                case "injected_files" -> {
                    return "Personality file limit exceeded";
                }
                case "injected_file_path_bytes" -> {
                    return "Personality file path exceeds maximum " + o.allowed();
                }
                case "injected_file_content_bytes" -> {
                    return "Personality file content exceeds maximum " + o.allowed();
                }
                default -> {
                }
            }
        }
        String names = join(overs, Over::resource);
        return "Quota exceeded for " + names + ": Requested " + join(overs, o -> Long.toString(o.requested()))
                + ", but already used " + join(overs, o -> Long.toString(o.used())) + " of "
                + join(overs, o -> Long.toString(o.allowed())) + " " + names;
    }

    private static String join(List<Over> overs, java.util.function.Function<Over, String> part) {
        return String.join(", ", overs.stream().map(part).toList());
    }
}
