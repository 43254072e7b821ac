package dev.overcast.network;

import java.util.List;

import dev.overcast.core.http.Routes;

/**
 * One part of the Network API (core networks and ports, security groups, routers, ...): its
 * routes, the API extensions it implements and the collections it serves (its policy rules are
 * added in {@link NetworkPolicy}). {@link NetworkService} assembles the features; discovery lists exactly what they
 * declare, so {@code /v2.0/extensions} never names something Overcast does not do.
 */
public interface NetworkFeature {

    /** Registers the feature's routes, relative to {@code /network}. */
    void routes(Routes routes);

    /** The API extensions the feature implements, as {@code /v2.0/extensions} lists them. */
    List<Extension> extensions();

    /** The top-level collections the feature serves, as {@code /v2.0} lists them (e.g. networks). */
    default List<Collection> collections() {
        return List.of();
    }

    /**
     * One Neutron API extension.
     *
     * @param alias       its alias, as clients test for it (e.g. {@code security-group})
     * @param name        its display name (e.g. {@code security-group})
     * @param description one sentence on what it adds
     */
    record Extension(String alias, String name, String description) {
    }

    /**
     * A top-level collection.
     *
     * @param name       the singular name (e.g. {@code network})
     * @param collection the plural, as in the URL (e.g. {@code networks})
     */
    record Collection(String name, String collection) {
    }
}
