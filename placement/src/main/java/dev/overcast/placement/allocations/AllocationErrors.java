package dev.overcast.placement.allocations;

import dev.overcast.core.http.ApiException;
import dev.overcast.placement.PlacementErrors;

/**
 * Words a {@link Refusal} as each upstream route does: the same refusal reads a little
 * differently from PUT, POST and the reshaper, and clients match on some of these texts.
 */
final class AllocationErrors {
    private AllocationErrors() {
    }

    /** The route whose wording applies. */
    enum Route { PUT, POST, RESHAPE }

    static ApiException toHttp(Refusal refusal, Route route, String consumer) {
        return switch (refusal) {
            case Refusal.UnknownProvider r -> ApiException.badRequest(r.message());
            case Refusal.UnknownResourceClass r -> ApiException.badRequest(switch (route) {
                case PUT -> "Unable to allocate inventory for consumer " + consumer + ": " + r.message();
                case POST -> "Unable to allocate inventory " + r.message();
                case RESHAPE -> "malformed reshaper data: " + r.message();
            });
            case Refusal.NoInventory r -> unableToAllocate(r);
            case Refusal.UnitsViolated r -> unableToAllocate(r);
            case Refusal.CapacityExceeded r -> unableToAllocate(r);
            case Refusal.ConsumerGenerationConflict r -> PlacementErrors.concurrentUpdate(r.message());
            case Refusal.ConcurrentChange r -> PlacementErrors.concurrentUpdate(route == Route.RESHAPE
                    ? "update conflict: " + r.message()
                    : "Inventory and/or allocations changed while attempting to allocate: " + r.message());
        };
    }

    private static ApiException unableToAllocate(Refusal r) {
        return ApiException.conflict("Unable to allocate inventory: " + r.message());
    }
}
