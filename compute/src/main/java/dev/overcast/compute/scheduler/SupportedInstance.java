package dev.overcast.compute.scheduler;

/**
 * One kind of instance a hypervisor can run, as it reports in {@code supported_instances}.
 *
 * @param arch   CPU architecture, e.g. {@code x86_64}
 * @param hvType hypervisor type, e.g. {@code qemu}
 * @param vmMode VM mode, e.g. {@code hvm}
 */
public record SupportedInstance(String arch, String hvType, String vmMode) {
}
