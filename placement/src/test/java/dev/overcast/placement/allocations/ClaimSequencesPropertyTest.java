package dev.overcast.placement.allocations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.overcast.placement.PlacementServer;
import dev.overcast.placement.model.Inventory;
import dev.overcast.testkit.ApiClient;

/**
 * Random sequences of claims, replacements, moves and releases across three providers, through
 * every write route (in-process, PUT before and after consumer generations, POST, DELETE).
 * A model holds what each consumer should have; after every step the server must have
 * decided as the model predicts, no inventory may be over-committed, and each provider's
 * usages (the index) must equal the sum of its allocations (the database).
 */
class ClaimSequencesPropertyTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;
    static Claims claims;

    static final String[] CLASSES = {"VCPU", "MEMORY_MB", "DISK_GB"};

    @BeforeAll
    static void start() {
        admin = server.admin("1.39");
        claims = new Claims(server.service().context());
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    /** What should be: each provider's inventory, and what each consumer holds. */
    static final class Model {
        final Map<String, Map<String, Inventory>> inventories = new LinkedHashMap<>();
        final Map<String, Map<String, Map<String, Long>>> held = new HashMap<>();
        final Map<String, Long> generations = new HashMap<>();

        /** Whether replacing the allocations of the consumers in {@code writes} all at once fits. */
        boolean fits(Map<String, Map<String, Map<String, Long>>> writes) {
            Map<String, Map<String, Long>> used = new HashMap<>();
            held.forEach((consumer, allocations) -> {
                if (!writes.containsKey(consumer)) {
                    add(used, allocations);
                }
            });
            for (Map<String, Map<String, Long>> allocations : writes.values()) {
                for (var byProvider : allocations.entrySet()) {
                    for (var ask : byProvider.getValue().entrySet()) {
                        Inventory inventory = inventories.get(byProvider.getKey()).get(ask.getKey());
                        if (inventory == null || !inventory.fitsUnits(ask.getValue())) {
                            return false;
                        }
                        long now = used.computeIfAbsent(byProvider.getKey(), k -> new HashMap<>())
                                .merge(ask.getKey(), ask.getValue(), Long::sum);
                        if (now > inventory.capacity()) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        void apply(Map<String, Map<String, Map<String, Long>>> writes) {
            writes.forEach((consumer, allocations) -> {
                if (allocations.isEmpty()) {
                    held.remove(consumer);
                    generations.remove(consumer);
                } else {
                    held.put(consumer, allocations);
                    generations.merge(consumer, 1L, Long::sum);
                }
            });
        }

        Map<String, Map<String, Long>> used() {
            Map<String, Map<String, Long>> used = new HashMap<>();
            held.values().forEach(allocations -> add(used, allocations));
            return used;
        }

        private static void add(Map<String, Map<String, Long>> used, Map<String, Map<String, Long>> allocations) {
            allocations.forEach((rp, resources) -> resources.forEach((rc, amount) ->
                    used.computeIfAbsent(rp, k -> new HashMap<>()).merge(rc, amount, Long::sum)));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomClaimsReplacementsAndReleasesNeverOverCommitAndUsagesAreTheSumOfAllocations(long seed) {
        Random random = new Random(seed);
        Model model = new Model();
        for (int i = 0; i < 3; i++) {
            Map<String, Inventory> inventories = randomInventories(random);
            Map<String, Map<String, Object>> body = new LinkedHashMap<>();
            inventories.forEach((rc, inv) -> body.put(rc, Fixtures.inventory(inv.total(), inv.reserved(),
                    inv.minUnit(), inv.maxUnit(), inv.stepSize(), inv.allocationRatio())));
            model.inventories.put(Fixtures.provider(admin, body), inventories);
        }
        List<String> consumers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            consumers.add(UUID.randomUUID().toString());
        }
        List<String> log = new ArrayList<>();
        int written = 0;
        int refused = 0;
        for (int step = 0; step < 60; step++) {
            String consumer = consumers.get(random.nextInt(consumers.size()));
            int op = random.nextInt(10);
            if (op < 6) {
                Map<String, Map<String, Long>> allocations = randomAllocations(random, model);
                boolean expected = model.fits(Map.of(consumer, allocations));
                String route = switch (random.nextInt(3)) {
                    case 0 -> "in-process";
                    case 1 -> "PUT 1.28";
                    default -> "PUT 1.12";
                };
                log.add(step + ": " + route + " " + consumer + " " + allocations + " expect " + expected);
                boolean ok = switch (route) {
                    case "in-process" -> claims.claim(consumer, "p", "u", null, allocations);
                    case "PUT 1.28" -> refusedOr204(server.admin("1.28").put("/allocations/" + consumer,
                            Fixtures.dictWithGeneration(asBody(allocations), model.generations.get(consumer))));
                    default -> refusedOr204(server.admin("1.12").put("/allocations/" + consumer,
                            Fixtures.dict(asBody(allocations))));
                };
                assertThat(ok).as(String.join("\n", log)).isEqualTo(expected);
                if (ok) {
                    model.apply(Map.of(consumer, allocations));
                }
                written += ok ? 1 : 0;
                refused += ok ? 0 : 1;
            } else if (op < 8) {
                boolean holds = model.held.containsKey(consumer);
                log.add(step + ": release " + consumer + " holding " + holds);
                if (random.nextBoolean()) {
                    assertThat(admin.delete("/allocations/" + consumer).status()).as(String.join("\n", log))
                            .isEqualTo(holds ? 204 : 404);
                } else {
                    claims.release(consumer);
                }
                model.apply(Map.of(consumer, Map.of()));
            } else {
                String other = consumers.get(random.nextInt(consumers.size()));
                if (other.equals(consumer)) {
                    continue;
                }
                Map<String, Map<String, Map<String, Long>>> writes = new LinkedHashMap<>();
                writes.put(consumer, randomAllocations(random, model));
                writes.put(other, random.nextInt(3) == 0 ? Map.of() : randomAllocations(random, model));
                boolean expected = model.fits(writes);
                log.add(step + ": POST " + writes + " expect " + expected);
                Map<String, Object> body = new LinkedHashMap<>();
                writes.forEach((c, allocations) -> body.put(c,
                        Fixtures.dictWithGeneration(asBody(allocations), model.generations.get(c))));
                boolean ok = refusedOr204(server.admin("1.28").post("/allocations", body));
                assertThat(ok).as(String.join("\n", log)).isEqualTo(expected);
                if (ok) {
                    model.apply(writes);
                }
                written += ok ? 1 : 0;
                refused += ok ? 0 : 1;
            }
            assertMatches(model, step % 10 == 9, log);
        }
        assertMatches(model, true, log);
        assertThat(written).as("the sequence wrote something").isPositive();
        assertThat(refused).as("the sequence met a refusal").isPositive();
    }

    /** 204 is written, 409 for capacity, units or inventory is refused; anything else fails the test. */
    static boolean refusedOr204(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(204, 409);
        if (reply.status() == 409) {
            assertThat(Fixtures.code(reply)).as(reply.body()).isEqualTo("placement.undefined_code");
            assertThat(Fixtures.detail(reply)).startsWith("Unable to allocate inventory: ");
        }
        return reply.status() == 204;
    }

    static void assertMatches(Model model, boolean readDatabase, List<String> log) {
        Map<String, Map<String, Long>> used = model.used();
        for (var provider : model.inventories.entrySet()) {
            String rp = provider.getKey();
            var usages = admin.get("/resource_providers/" + rp + "/usages").json().get("usages");
            for (var inventory : provider.getValue().entrySet()) {
                long expected = used.getOrDefault(rp, Map.of()).getOrDefault(inventory.getKey(), 0L);
                assertThat(expected).as("over-committed " + rp + " " + inventory.getKey())
                        .isLessThanOrEqualTo(inventory.getValue().capacity());
                assertThat(usages.get(inventory.getKey()).asLong()).as(String.join("\n", log)).isEqualTo(expected);
            }
            if (readDatabase) {
                Map<String, Long> sums = new HashMap<>();
                admin.get("/resource_providers/" + rp + "/allocations").json().get("allocations").forEach(c ->
                        c.get("resources").properties().forEach(e -> sums.merge(e.getKey(), e.getValue().asLong(),
                                Long::sum)));
                assertThat(sums).as(String.join("\n", log)).isEqualTo(used.getOrDefault(rp, Map.of()));
            }
        }
        if (readDatabase) {
            model.held.forEach((consumer, allocations) -> {
                var shown = admin.get("/allocations/" + consumer).json();
                assertThat(shown.get("consumer_generation").asLong()).isEqualTo(model.generations.get(consumer));
                allocations.forEach((rp, resources) -> resources.forEach((rc, amount) ->
                        assertThat(shown.at("/allocations/" + rp + "/resources/" + rc).asLong()).isEqualTo(amount)));
            });
        }
    }

    /** VCPU and MEMORY_MB always, DISK_GB on some providers; small, so that claims collide. */
    static Map<String, Inventory> randomInventories(Random random) {
        Map<String, Inventory> out = new LinkedHashMap<>();
        out.put("VCPU", new Inventory(4 + random.nextInt(7), random.nextInt(2), 1, 2 + random.nextInt(7), 1,
                random.nextBoolean() ? 1.0 : 1.5));
        out.put("MEMORY_MB", new Inventory(1024 + 256L * random.nextInt(9), 0, 256, 2048, 256, 1.0));
        if (random.nextBoolean()) {
            out.put("DISK_GB", new Inventory(20 + random.nextInt(40), 0, 1, 30, 1, 1.0));
        }
        return out;
    }

    /** One or two providers, one or two classes each; amounts that sometimes break units or capacity. */
    static Map<String, Map<String, Long>> randomAllocations(Random random, Model model) {
        List<String> providers = new ArrayList<>(model.inventories.keySet());
        java.util.Collections.shuffle(providers, random);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String rp : providers.subList(0, 1 + random.nextInt(2))) {
            Map<String, Long> resources = new LinkedHashMap<>();
            for (int i = 0; i < 1 + random.nextInt(2); i++) {
                String rc = CLASSES[random.nextInt(CLASSES.length)];
                resources.put(rc, switch (rc) {
                    case "VCPU" -> 1L + random.nextInt(4);
                    case "MEMORY_MB" -> 128L * (1 + random.nextInt(8));
                    default -> 1L + random.nextInt(20);
                });
            }
            out.put(rp, resources);
        }
        return out;
    }

    static Map<String, Map<String, Object>> asBody(Map<String, Map<String, Long>> allocations) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        allocations.forEach((rp, resources) -> out.put(rp, new LinkedHashMap<>(resources)));
        return out;
    }
}
