package dev.overcast.compute.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.overcast.compute.hypervisors.ComputeNode;

/** A host's resource rows from its nodes and instances, without a server. */
class HostUsageTest {
    static ComputeNode node(int vcpus, int memory, int disk, int vcpusUsed, int memoryUsed, int diskUsed) {
        return new ComputeNode(1, "n", 1, "h1", "h1", "fake", 1, vcpus, memory, disk, vcpusUsed, memoryUsed, diskUsed,
                null, null, 0, 0, Instant.EPOCH, null);
    }

    @Test
    void rowsSumNodesAndInstancesPerProjectInTheOrderProjectsCome() {
        List<HostUsage.Row> rows = HostUsage.rows("h1",
                List.of(node(16, 32768, 1024, 3, 2048, 10), node(8, 1024, 100, 0, 512, 0)),
                List.of(new HostUsage.InstanceSize("p2", 2, 1024, 10, 5),
                        new HostUsage.InstanceSize("p1", 1, 512, 1, 0),
                        new HostUsage.InstanceSize("p2", 1, 256, 1, 0)));
        assertThat(rows).containsExactly(
                new HostUsage.Row("h1", "(total)", 24, 33792, 1124),
                new HostUsage.Row("h1", "(used_now)", 3, 2560, 10),
                new HostUsage.Row("h1", "(used_max)", 4, 1792, 17),
                new HostUsage.Row("h1", "p2", 3, 1280, 16),
                new HostUsage.Row("h1", "p1", 1, 512, 1));
    }

    @Test
    void aHostWithoutInstancesHasOnlyItsSummaries() {
        assertThat(HostUsage.rows("h1", List.of(node(4, 4096, 40, 0, 512, 0)), List.of())).extracting(
                HostUsage.Row::project).containsExactly("(total)", "(used_now)", "(used_max)");
    }
}
