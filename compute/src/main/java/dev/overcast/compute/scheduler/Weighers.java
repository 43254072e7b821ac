package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The weighers Overcast knows, by Nova's names, each with its multiplier from the settings. */
public final class Weighers {
    private static final Map<String, Function<SchedulerSettings, HostWeigher>> KNOWN = known();

    /** Every weigher, Nova's default {@code weight_classes} ({@code nova.scheduler.weights.all_weighers}). */
    public static final List<String> ALL = List.of("RAMWeigher", "CPUWeigher", "DiskWeigher", "IoOpsWeigher",
            "NumInstancesWeigher", "ServerGroupSoftAffinityWeigher", "ServerGroupSoftAntiAffinityWeigher",
            "BuildFailureWeigher");

    private Weighers() {
    }

    private static Map<String, Function<SchedulerSettings, HostWeigher>> known() {
        Map<String, Function<SchedulerSettings, HostWeigher>> m = new LinkedHashMap<>();
        m.put("RAMWeigher", s -> new RAMWeigher(s.ramWeightMultiplier()));
        m.put("CPUWeigher", s -> new CPUWeigher(s.cpuWeightMultiplier()));
        m.put("DiskWeigher", s -> new DiskWeigher(s.diskWeightMultiplier()));
        m.put("IoOpsWeigher", s -> new IoOpsWeigher(s.ioOpsWeightMultiplier()));
        m.put("NumInstancesWeigher", s -> new NumInstancesWeigher(s.numInstancesWeightMultiplier()));
        m.put("ServerGroupSoftAffinityWeigher",
                s -> new ServerGroupSoftAffinityWeigher(s.softAffinityWeightMultiplier()));
        m.put("ServerGroupSoftAntiAffinityWeigher",
                s -> new ServerGroupSoftAntiAffinityWeigher(s.softAntiAffinityWeightMultiplier()));
        m.put("BuildFailureWeigher", s -> new BuildFailureWeigher(s.buildFailureWeightMultiplier()));
        return Map.copyOf(m);
    }

    /** The weighers {@code weight_classes} names, in its order. */
    public static List<HostWeigher> enabled(SchedulerSettings settings) {
        List<HostWeigher> weighers = new ArrayList<>();
        for (String name : settings.weighers()) {
            weighers.add(KNOWN.get(name).apply(settings));
        }
        return List.copyOf(weighers);
    }

    static void checkNames(List<String> names) {
        for (String name : names) {
            if (!KNOWN.containsKey(name)) {
                throw new IllegalArgumentException("weight_classes names an unknown weigher " + name
                        + "; known: " + String.join(", ", ALL));
            }
        }
    }
}
