package dev.overcast.placement.allocations;

/** Thrown inside a claim's transaction so that it rolls back; carries why. */
final class ClaimRefused extends RuntimeException {
    private final transient Refusal refusal;

    ClaimRefused(Refusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }
}
