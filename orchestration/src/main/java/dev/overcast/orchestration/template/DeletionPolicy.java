package dev.overcast.orchestration.template;

/** What happens to a resource's physical thing when the resource is deleted. */
public enum DeletionPolicy {
    DELETE("Delete"), RETAIN("Retain"), SNAPSHOT("Snapshot");

    private final String heatName;

    DeletionPolicy(String heatName) {
        this.heatName = heatName;
    }

    /** @return the name as Heat shows it */
    public String heatName() {
        return heatName;
    }

    /** @return the policy a template names (either case, as 2016-10-14 allows) */
    static DeletionPolicy fromTemplate(String name) {
        for (DeletionPolicy p : values()) {
            if (p.heatName.equals(name) || p.heatName.toLowerCase().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
