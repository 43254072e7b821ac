package dev.overcast.placement.candidates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;

/** Builds provider records for engine tests: {@code new Tree().root("cn1").inv("VCPU", 8)...}. */
final class Tree {
    private final List<Builder> builders = new ArrayList<>();

    /** One provider being described; call {@link Tree#root} or {@link Tree#child} for the next. */
    final class Builder {
        final String uuid;
        final String parent;
        final Map<String, Inventory> inventories = new LinkedHashMap<>();
        final Map<String, Long> used = new LinkedHashMap<>();
        final Set<String> traits = new LinkedHashSet<>();
        final Set<String> aggregates = new LinkedHashSet<>();

        Builder(String uuid, String parent) {
            this.uuid = uuid;
            this.parent = parent;
        }

        Builder inv(String rc, long total) {
            return inv(rc, total, 0, 1, total, 1, 1.0);
        }

        Builder inv(String rc, long total, long reserved, long min, long max, long step, double ratio) {
            inventories.put(rc, new Inventory(total, reserved, min, max, step, ratio));
            return this;
        }

        Builder used(String rc, long amount) {
            used.put(rc, amount);
            return this;
        }

        Builder traits(String... names) {
            traits.addAll(List.of(names));
            return this;
        }

        Builder aggs(String... uuids) {
            aggregates.addAll(List.of(uuids));
            return this;
        }

        Builder sharing() {
            return traits("MISC_SHARES_VIA_AGGREGATE");
        }

        Builder root(String next) {
            return Tree.this.root(next);
        }

        Builder child(String next, String parentUuid) {
            return Tree.this.child(next, parentUuid);
        }

        ProviderView view() {
            return Tree.this.view();
        }
    }

    Builder root(String uuid) {
        Builder b = new Builder(uuid, null);
        builders.add(b);
        return b;
    }

    Builder child(String uuid, String parentUuid) {
        Builder b = new Builder(uuid, parentUuid);
        builders.add(b);
        return b;
    }

    ProviderView view() {
        Map<String, String> parents = new LinkedHashMap<>();
        for (Builder b : builders) {
            parents.put(b.uuid, b.parent);
        }
        List<Provider> out = new ArrayList<>();
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        for (Builder b : builders) {
            String root = b.uuid;
            while (parents.get(root) != null) {
                root = parents.get(root);
            }
            out.add(new Provider(b.uuid, b.uuid, 1, b.parent, root, b.inventories, b.used, b.traits, b.aggregates,
                    now, now));
        }
        return ProviderView.of(out);
    }
}
