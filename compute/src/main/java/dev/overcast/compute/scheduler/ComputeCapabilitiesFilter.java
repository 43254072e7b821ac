package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Nova's ComputeCapabilitiesFilter: the flavor's unscoped and {@code capabilities:} extra specs hold against the
 * host's capabilities (other scopes, {@code hw:} and the like, are for others). A capability the host lacks fails
 * the host. Keys name a host attribute ({@code hypervisor_type}, {@code free_ram_mb}, {@code vcpus_total}, ...) or
 * else an entry of {@link HostState#capabilities()}, nested keys joined by {@code :}.
 */
public record ComputeCapabilitiesFilter() implements HostFilter {
    private static final String SCOPE = "capabilities";

    /** The host attributes that are numbers, by the name Nova's HostState gives them. */
    private static final Map<String, ToLongFunction<HostState>> NUMBERS = Map.of(
            "hypervisor_version", HostState::hypervisorVersion,
            "free_ram_mb", HostState::freeRamMb,
            "free_disk_mb", h -> h.freeDiskGb() * 1024,
            "vcpus_total", h -> h.vcpus().total(),
            "vcpus_used", h -> h.vcpus().used(),
            "num_instances", HostState::numInstances,
            "num_io_ops", HostState::numIoOps,
            "total_usable_ram_mb", h -> h.ramMb().total(),
            "total_usable_disk_gb", h -> h.diskGb().total());

    /** The host attributes that are text. */
    private static final Map<String, Function<HostState, String>> TEXTS = Map.of(
            "host", HostState::host,
            "nodename", HostState::node,
            "hypervisor_type", HostState::hypervisorType,
            "cpu_info:arch", HostState::cpuArch);

    @Override
    public String name() {
        return "ComputeCapabilitiesFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        List<Requirement> requirements = new ArrayList<>();
        request.flavor().extraSpecs().forEach((key, value) -> {
            String capability = capabilityKey(key);
            if (capability != null) {
                requirements.add(new Requirement(capability, NUMBERS.get(capability), TEXTS.get(capability),
                        ExtraSpecMatcher.parse(value), new FilterResult.Reject("no capability " + capability),
                        new FilterResult.Reject(capability + " is not " + value)));
            }
        });
        return HostCheck.allOf(requirements);
    }

    /** The capability an extra spec key names, or null when the key belongs to another scope. */
    static String capabilityKey(String key) {
        return ExtraSpecMatcher.scopedKey(key, SCOPE);
    }

    /** One extra spec, with the host attribute it reads resolved once; {@code number} and {@code text} may be null. */
    private record Requirement(String key, ToLongFunction<HostState> number, Function<HostState, String> text,
                               ExtraSpecMatcher matcher, FilterResult missing, FilterResult mismatch)
            implements HostCheck {
        @Override
        public FilterResult check(HostState host) {
            if (number != null) {
                long value = number.applyAsLong(host);
                boolean ok = matcher.isNumeric() ? matcher.matches(value) : matcher.matches(Long.toString(value));
                return ok ? FilterResult.PASS : mismatch;
            }
            String value = text != null ? text.apply(host) : host.capabilities().get(key);
            if (value == null) {
                return missing;
            }
            return matcher.matches(value) ? FilterResult.PASS : mismatch;
        }
    }
}
