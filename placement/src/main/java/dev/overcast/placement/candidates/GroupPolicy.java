package dev.overcast.placement.candidates;

/** How granular groups relate ({@code group_policy}, 1.25). */
public enum GroupPolicy {
    /** Granular groups may be satisfied by the same provider. */
    NONE,
    /** Each granular group is satisfied by a different provider. */
    ISOLATE
}
