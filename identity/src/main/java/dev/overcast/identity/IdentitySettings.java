package dev.overcast.identity;

import java.time.Duration;

/**
 * Identity's options.
 *
 * @param region             the region the bootstrapped catalog names; default {@code RegionOne}
 * @param tokenLifetime      how long a token is valid; default one hour (Keystone's default)
 * @param adminPassword      the bootstrapped admin's password (set on first start only)
 * @param publicUrl          the base URL (scheme, host, port) the catalog advertises
 * @param securityCompliance lockout, password expiry, history, age and format rules; default
 *                           {@link SecurityCompliance#OFF}
 */
public record IdentitySettings(String region, Duration tokenLifetime, String adminPassword, String publicUrl,
                               SecurityCompliance securityCompliance) {
    public IdentitySettings {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + tokenLifetime);
        }
        securityCompliance = securityCompliance == null ? SecurityCompliance.OFF : securityCompliance;
    }

    /** Settings with every security-compliance feature off. */
    public IdentitySettings(String region, Duration tokenLifetime, String adminPassword, String publicUrl) {
        this(region, tokenLifetime, adminPassword, publicUrl, SecurityCompliance.OFF);
    }
}
