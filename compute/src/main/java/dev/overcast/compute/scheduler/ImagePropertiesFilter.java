package dev.overcast.compute.scheduler;

import java.util.Locale;
import java.util.Map;

/**
 * Nova's ImagePropertiesFilter: a host runs the image only when one of its supported instances matches the
 * image's {@code hw_architecture}, {@code img_hv_type} and {@code hw_vm_mode} (each compared only when the image
 * sets it, after Nova's canonical spelling: {@code amd64} is {@code x86_64}, {@code hv} is {@code hvm}, ...), and
 * its hypervisor version satisfies {@code img_hv_requested_version} ({@code ">= 6.0, < 7.0"}). An image that
 * sets none of the three fits every host.
 *
 * @param defaultArchitecture {@code image_properties_default_architecture}, or null
 */
public record ImagePropertiesFilter(String defaultArchitecture) implements HostFilter {
    private static final FilterResult NOTHING_SUPPORTED =
            new FilterResult.Reject("hypervisor reports no supported instances");

    @Override
    public String name() {
        return "ImagePropertiesFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        Map<String, String> props = request.imageProperties();
        String arch = canonicalArch(props.getOrDefault("hw_architecture", defaultArchitecture));
        String hvType = canonicalHvType(props.get("img_hv_type"));
        String vmMode = canonicalVmMode(props.get("hw_vm_mode"));
        if (arch == null && hvType == null && vmMode == null) {
            return HostCheck.NOTHING_TO_CHECK;
        }
        VersionRequirement version = VersionRequirement.parse(props.get("img_hv_requested_version"));
        FilterResult unsupported = new FilterResult.Reject("cannot run " + describe(arch, hvType, vmMode)
                + (version == null ? "" : " version " + props.get("img_hv_requested_version")));
        return host -> {
            if (host.supportedInstances().isEmpty()) {
                return NOTHING_SUPPORTED;
            }
            for (SupportedInstance s : host.supportedInstances()) {
                if (same(arch, s.arch()) && same(hvType, s.hvType()) && same(vmMode, s.vmMode())
                        && (version == null || host.hypervisorVersion() == 0
                        || version.satisfiedBy(host.hypervisorVersion()))) {
                    return FilterResult.PASS;
                }
            }
            return unsupported;
        };
    }

    private static boolean same(String wanted, String offered) {
        return wanted == null || wanted.equalsIgnoreCase(offered);
    }

    private static String describe(String arch, String hvType, String vmMode) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {arch, hvType, vmMode}) {
            if (part != null) {
                out.append(out.isEmpty() ? "" : "/").append(part);
            }
        }
        return out.toString();
    }

    /** Nova's {@code Architecture.canonicalize}. */
    static String canonicalArch(String arch) {
        if (arch == null) {
            return null;
        }
        String a = arch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "i386", "i486", "i586", "x86_32", "x86_32p" -> "i686";
            case "amd64" -> "x86_64";
            default -> a;
        };
    }

    /** Nova's {@code HVType.canonicalize}. */
    static String canonicalHvType(String hvType) {
        if (hvType == null) {
            return null;
        }
        String h = hvType.toLowerCase(Locale.ROOT);
        return h.equals("xapi") ? "xen" : h;
    }

    /** Nova's {@code VMMode.canonicalize}. */
    static String canonicalVmMode(String vmMode) {
        if (vmMode == null) {
            return null;
        }
        String m = vmMode.toLowerCase(Locale.ROOT);
        return switch (m) {
            case "pv" -> "xen";
            case "hv", "baremetal" -> "hvm";
            default -> m;
        };
    }
}
