package dev.overcast.compute.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage over a window, as Nova's {@code SimpleTenantUsageController} sums it: each instance is
 * charged for the hours it ran inside {@code [start, stop]}, and each project's totals are
 * those hours times the flavor's vCPUs, RAM and disk. Pure: the caller reads the instances.
 */
public final class Usage {
    private Usage() {
    }

    /** One instance's usage: Nova's {@code server_usages} item. */
    public record ServerUsage(UsageInstance instance, double hours, String state, long uptimeSeconds) {
    }

    /** One project's usage: Nova's {@code tenant_usage}. */
    public record TenantUsage(String projectId, Instant start, Instant stop, double totalHours,
                              double totalVcpusUsage, double totalMemoryMbUsage, double totalLocalGbUsage,
                              List<ServerUsage> servers) {
    }

    /**
     * The hours {@code i} ran within the window: none when it never launched, ended before the
     * window or launched after it; else from the later of launch and start to the earlier of
     * termination and stop.
     */
    public static double hours(UsageInstance i, Instant start, Instant stop) {
        if (i.terminatedAt() != null && i.terminatedAt().isBefore(start)) {
            return 0;
        }
        if (i.launchedAt() == null || i.launchedAt().isAfter(stop)) {
            return 0;
        }
        Instant from = i.launchedAt().isAfter(start) ? i.launchedAt() : start;
        Instant to = i.terminatedAt() != null && i.terminatedAt().isBefore(stop) ? i.terminatedAt() : stop;
        return Duration.between(from, to).toNanos() / 3_600_000_000_000.0;
    }

    /**
     * The usage of each project that has instances among {@code instances}, in the order the
     * projects first appear.
     *
     * @param now for the uptime of instances still running
     */
    public static List<TenantUsage> of(List<UsageInstance> instances, Instant start, Instant stop, Instant now) {
        Map<String, List<ServerUsage>> byProject = new LinkedHashMap<>();
        for (UsageInstance i : instances) {
            double hours = hours(i, start, stop);
            String state = i.terminatedAt() != null ? "terminated" : i.vmState();
            Instant end = i.terminatedAt() != null ? i.terminatedAt() : now;
            long uptime = i.launchedAt() == null ? 0 : Duration.between(i.launchedAt(), end).toSeconds();
            byProject.computeIfAbsent(i.projectId(), p -> new ArrayList<>()).add(new ServerUsage(i, hours, state, uptime));
        }
        List<TenantUsage> out = new ArrayList<>(byProject.size());
        byProject.forEach((project, servers) -> {
            double hours = 0;
            double vcpus = 0;
            double memory = 0;
            double disk = 0;
            for (ServerUsage s : servers) {
                hours += s.hours();
                vcpus += s.instance().vcpus() * s.hours();
                memory += s.instance().memoryMb() * s.hours();
                disk += s.instance().localGb() * s.hours();
            }
            out.add(new TenantUsage(project, start, stop, hours, vcpus, memory, disk, List.copyOf(servers)));
        });
        return out;
    }
}
