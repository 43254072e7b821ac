package dev.overcast.placement.allocations;

/**
 * Why a claim was refused. The transaction rolls back; each route words the refusal as
 * upstream does ({@link AllocationErrors}), and in-process claims answer false.
 */
sealed interface Refusal {

    /** The upstream exception text, without the route's prefix. */
    String message();

    /** An allocation names a provider that does not exist (400). */
    record UnknownProvider(String provider) implements Refusal {
        @Override
        public String message() {
            return "Allocation for resource provider '" + provider + "' that does not exist.";
        }
    }

    /** An allocation names a resource class that does not exist (400). */
    record UnknownResourceClass(String resourceClass) implements Refusal {
        @Override
        public String message() {
            return "No such resource class " + resourceClass + ".";
        }
    }

    /** A provider has no inventory of the classes asked of it (409). */
    record NoInventory(String resourceClasses, String providers) implements Refusal {
        @Override
        public String message() {
            return "Inventory for '" + resourceClasses + "' on resource provider '" + providers + "' invalid.";
        }
    }

    /** An amount breaks the inventory's min_unit, max_unit or step_size (409). */
    record UnitsViolated(String resourceClass, String provider) implements Refusal {
        @Override
        public String message() {
            return "Unable to create allocation for '" + resourceClass + "' on resource provider '" + provider
                    + "'. The requested amount would violate inventory constraints.";
        }
    }

    /** What is asked does not fit what is left (409). */
    record CapacityExceeded(String resourceClass, String provider) implements Refusal {
        @Override
        public String message() {
            return "Unable to create allocation for '" + resourceClass + "' on resource provider '" + provider
                    + "'. The requested amount would exceed the capacity.";
        }
    }

    /** The consumer's generation is not what the writer expected (409 placement.concurrent_update). */
    record ConsumerGenerationConflict(String expected, String got) implements Refusal {
        @Override
        public String message() {
            return "consumer generation conflict - expected " + expected + " but got " + got;
        }
    }

    /** Another writer changed the same consumer first (409 placement.concurrent_update). */
    record ConcurrentChange() implements Refusal {
        @Override
        public String message() {
            return "Another thread concurrently updated the data. Please retry your update";
        }
    }
}
