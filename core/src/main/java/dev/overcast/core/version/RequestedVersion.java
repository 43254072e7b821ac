package dev.overcast.core.version;

import java.util.List;
import java.util.function.Function;

/**
 * Finds the version string a client asked for, the way {@code microversion-parse} does:
 * the standard header first, then the legacy one. Repeated header lines are expected to be
 * folded into one comma-separated value, as HTTP allows.
 */
final class RequestedVersion {
    static final String STANDARD_HEADER = "OpenStack-API-Version";

    private RequestedVersion() {
    }

    /**
     * The raw version string ({@code "2.53"}, {@code "latest"}, or garbage), or null when
     * the client named no version for this service.
     */
    static String find(Function<String, String> header, String serviceType, String legacyHeader) {
        String standard = fromStandardHeader(header.apply(STANDARD_HEADER), serviceType);
        if (standard != null || legacyHeader == null) {
            return standard;
        }
        return fromLegacyHeader(header.apply(legacyHeader));
    }

    /**
     * {@code "compute 2.53, placement 1.10"}: the last entry for our service wins; entries
     * without a version are skipped, as upstream does, so the legacy header still counts.
     */
    private static String fromStandardHeader(String value, String serviceType) {
        if (value == null) {
            return null;
        }
        List<String> entries = List.of(value.split(","));
        for (String entry : entries.reversed()) {
            String[] parts = entry.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase(serviceType)) {
                return parts[1].strip();
            }
        }
        return null;
    }

    /** The legacy header carries only a version; folded repeats: the last one wins. */
    private static String fromLegacyHeader(String value) {
        if (value == null) {
            return null;
        }
        List<String> entries = List.of(value.split(",", -1));
        return entries.getLast().strip();
    }
}
