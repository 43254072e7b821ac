package dev.overcast.placement.candidates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.candidates.AllocationCandidates.Options;
import dev.overcast.placement.candidates.AllocationCandidates.Result;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;

/**
 * Not a test: a rough micro benchmark of the scheduler's common query (one unsuffixed group,
 * single-provider hosts, limit 1000), engine alone and engine plus the 1.39 JSON body. Run with
 * {@code java -cp ... dev.overcast.placement.candidates.CandidateBenchmark}.
 */
public final class CandidateBenchmark {
    private CandidateBenchmark() {
    }

    public static void main(String[] args) {
        for (int hosts : new int[] {1_000, 10_000, 50_000}) {
            run(hosts, false);
            run(hosts, true);
        }
    }

    private static void run(int hosts, boolean randomize) {
        Random random = new Random(42);
        List<Provider> providers = new ArrayList<>(hosts);
        Instant now = Instant.now();
        for (int i = 0; i < hosts; i++) {
            Map<String, Inventory> inv = new LinkedHashMap<>();
            inv.put("VCPU", new Inventory(64, 0, 1, 64, 1, 4.0));
            inv.put("MEMORY_MB", new Inventory(262_144, 4096, 1, 262_144, 1, 1.0));
            inv.put("DISK_GB", new Inventory(2000, 0, 1, 2000, 1, 1.0));
            Map<String, Long> used = Map.of("VCPU", (long) random.nextInt(200), "MEMORY_MB",
                    (long) random.nextInt(200_000), "DISK_GB", (long) random.nextInt(1500));
            String uuid = new java.util.UUID(0xC0FFEEL, i).toString();
            providers.add(new Provider(uuid, "host" + i, 1, null, uuid, inv, used, Set.of("HW_CPU_X86_AVX2"),
                    Set.of(), now, now));
        }
        ProviderView view = ProviderView.of(providers);
        CandidateQuery query = CandidateQuery.of(List.of(RequestGroup.of("",
                Map.of("VCPU", 4L, "MEMORY_MB", 8192L, "DISK_GB", 40L)))).withLimit(1000);
        Options options = new Options(true, randomize, new Random(1), true);
        ApiVersion v = new ApiVersion(1, 39);
        long bytes = 0;
        int found = 0;
        for (int i = 0; i < 2000; i++) {
            Result r = AllocationCandidates.find(view, query, options);
            found = r.requests().size();
            bytes += CandidateJson.render(r, query, v).length;
        }
        int n = 2000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            found = AllocationCandidates.find(view, query, options).requests().size();
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Result r = AllocationCandidates.find(view, query, options);
            bytes += CandidateJson.render(r, query, v).length;
        }
        long t2 = System.nanoTime();
        System.out.printf("%,7d hosts%s: engine %6.1f µs/query, engine+JSON %7.1f µs/query (%d candidates, %d KB)%n",
                hosts, randomize ? " (randomized)" : "", (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, found,
                bytes / (2L * n) / 1024 / 2);
    }
}
