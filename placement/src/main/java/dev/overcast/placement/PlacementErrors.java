package dev.overcast.placement;

import dev.overcast.core.http.ApiException;

/** Placement's error codes (microversion 1.23) and the errors that carry them. */
public final class PlacementErrors {
    private PlacementErrors() {
    }

    public static final String CONCURRENT_UPDATE = "placement.concurrent_update";
    public static final String DUPLICATE_NAME = "placement.duplicate_name";
    public static final String INVENTORY_INUSE = "placement.inventory.inuse";
    public static final String PROVIDER_INUSE = "placement.resource_provider.inuse";
    public static final String PROVIDER_CANNOT_DELETE_PARENT = "placement.resource_provider.cannot_delete_parent";
    public static final String PROVIDER_NOT_FOUND = "placement.resource_provider.not_found";
    public static final String QUERY_DUPLICATE_KEY = "placement.query.duplicate_key";
    public static final String QUERY_BAD_VALUE = "placement.query.bad_value";
    public static final String QUERY_MISSING_VALUE = "placement.query.missing_value";

    /** 409: someone else changed the provider or consumer first; re-read and retry. */
    public static ApiException concurrentUpdate(String message) {
        return new ApiException(409, message, CONCURRENT_UPDATE);
    }

    public static ApiException conflict(String message, String code) {
        return new ApiException(409, message, code);
    }

    public static ApiException badRequest(String message, String code) {
        return new ApiException(400, message, code);
    }
}
