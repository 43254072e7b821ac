package dev.overcast.compute.hosts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.compute.hypervisors.ComputeNode;

/**
 * What {@code GET /os-hosts/{host}} shows of a compute host, as Nova's hosts API computes it:
 * the capacity of its nodes ({@code (total)}), what its agent last reported as taken
 * ({@code (used_now)}), what its instances' flavors add up to ({@code (used_max)}), and that
 * sum per project, in the order the projects' first instances come. Pure.
 */
final class HostUsage {
    private HostUsage() {
    }

    /** One resource row: the host, whose figures they are (a project or a summary) and the amounts. */
    record Row(String host, String project, long cpu, long memoryMb, long diskGb) {
    }

    /** What one instance on the host takes, from its flavor. */
    record InstanceSize(String projectId, long vcpus, long memoryMb, long rootGb, long ephemeralGb) {
        long diskGb() {
            return rootGb + ephemeralGb;
        }
    }

    static List<Row> rows(String host, List<ComputeNode> nodes, List<InstanceSize> instances) {
        List<Row> out = new ArrayList<>();
        out.add(new Row(host, "(total)", nodes.stream().mapToLong(ComputeNode::vcpus).sum(),
                nodes.stream().mapToLong(ComputeNode::memoryMb).sum(),
                nodes.stream().mapToLong(ComputeNode::localGb).sum()));
        out.add(new Row(host, "(used_now)", nodes.stream().mapToLong(ComputeNode::vcpusUsed).sum(),
                nodes.stream().mapToLong(ComputeNode::memoryMbUsed).sum(),
                nodes.stream().mapToLong(ComputeNode::localGbUsed).sum()));
        out.add(sum(host, "(used_max)", instances));
        Map<String, List<InstanceSize>> byProject = new LinkedHashMap<>();
        for (InstanceSize i : instances) {
            byProject.computeIfAbsent(i.projectId(), p -> new ArrayList<>()).add(i);
        }
        byProject.forEach((project, theirs) -> out.add(sum(host, project, theirs)));
        return out;
    }

    private static Row sum(String host, String project, List<InstanceSize> instances) {
        return new Row(host, project, instances.stream().mapToLong(InstanceSize::vcpus).sum(),
                instances.stream().mapToLong(InstanceSize::memoryMb).sum(),
                instances.stream().mapToLong(InstanceSize::diskGb).sum());
    }
}
