package dev.overcast.compute.virt;

/** The driver runs no instance of that uuid on that host (Nova's {@code InstanceNotFound}). */
public class InstanceNotFoundException extends RuntimeException {
    public InstanceNotFoundException(String uuid) {
        super("Instance " + uuid + " could not be found.", null, false, false);
    }
}
