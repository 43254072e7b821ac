package dev.overcast.identity;

import java.time.Duration;

/**
 * Identity's options.
 *
 * @param region        the region the bootstrapped catalog names; default {@code RegionOne}
 * @param tokenLifetime how long a token is valid; default one hour (Keystone's default)
 * @param adminPassword the bootstrapped admin's password (set on first start only)
 * @param publicUrl     the base URL (scheme, host, port) the catalog advertises
 */
public record IdentitySettings(String region, Duration tokenLifetime, String adminPassword, String publicUrl) {
    public IdentitySettings {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + tokenLifetime);
        }
    }
}
