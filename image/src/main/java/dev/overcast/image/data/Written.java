package dev.overcast.image.data;

/**
 * What a completed write left in a store: its size and its digests, hex-encoded.
 *
 * @param size     bytes written
 * @param checksum MD5, Glance's legacy {@code checksum}
 * @param sha512   SHA-512, Glance's {@code os_hash_value} with {@code os_hash_algo} "sha512"
 */
record Written(long size, String checksum, String sha512) {
    static final String HASH_ALGO = "sha512";
}
