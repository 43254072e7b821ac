package dev.overcast.image.data;

import dev.overcast.core.http.ApiException;

/**
 * One byte range of a {@code Range: bytes=...} header, resolved against the data's length:
 * {@code first-last}, {@code first-} or {@code -suffix}. Several ranges, or one that misses
 * the data, are a 416 as Glance answers them.
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    static ByteRange parse(String header, long size) {
        String spec = header.trim();
        if (!spec.startsWith("bytes=") || spec.contains(",")) {
            throw unsatisfiable(header);
        }
        String[] parts = spec.substring(6).trim().split("-", -1);
        if (parts.length != 2) {
            throw unsatisfiable(header);
        }
        try {
            long first;
            long last;
            if (parts[0].isEmpty()) {
                long suffix = Long.parseLong(parts[1]);
                first = Math.max(0, size - suffix);
                last = size - 1;
                if (suffix <= 0) {
                    throw unsatisfiable(header);
                }
            } else {
                first = Long.parseLong(parts[0]);
                last = parts[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(parts[1]), size - 1);
            }
            if (first < 0 || first >= size || last < first) {
                throw unsatisfiable(header);
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            throw unsatisfiable(header);
        }
    }

    private static ApiException unsatisfiable(String header) {
        return new ApiException(416, "Requested range " + header + " is not satisfiable.");
    }
}
