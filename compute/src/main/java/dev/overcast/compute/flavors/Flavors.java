package dev.overcast.compute.flavors;

import java.util.List;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.flavors.FlavorStore.NewFlavor;
import dev.overcast.core.http.ApiException;

/** The flavors a new cloud starts with. */
public final class Flavors {
    private Flavors() {
    }

    /** DevStack's flavors: m1.tiny to m1.xlarge, and m1.nano and m1.micro that Tempest uses. */
    static final List<NewFlavor> DEFAULTS = List.of(
            flavor("1", "m1.tiny", 512, 1, 1),
            flavor("2", "m1.small", 2048, 20, 1),
            flavor("3", "m1.medium", 4096, 40, 2),
            flavor("4", "m1.large", 8192, 80, 4),
            flavor("5", "m1.xlarge", 16384, 160, 8),
            flavor("42", "m1.nano", 128, 1, 1),
            flavor("84", "m1.micro", 192, 1, 1));

    /**
     * Creates {@link #DEFAULTS} when there is no flavor at all, so that a fresh cloud can boot
     * servers at once; a cloud whose admin deleted or replaced them is left alone.
     */
    public static void bootstrapDefaults(ComputeContext ctx) {
        FlavorStore store = new FlavorStore(ctx);
        if (!store.isEmpty()) {
            return;
        }
        for (NewFlavor f : DEFAULTS) {
            try {
                store.create(f);
            } catch (ApiException e) {
                // Another process bootstraps at the same time; its flavor is as good as ours.
                if (e.status() != 409) {
                    throw e;
                }
            }
        }
    }

    private static NewFlavor flavor(String id, String name, int ramMb, int diskGb, int vcpus) {
        return new NewFlavor(id, name, ramMb, vcpus, diskGb, 0, 0, 1.0, true, null);
    }
}
