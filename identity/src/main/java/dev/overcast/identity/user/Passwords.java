package dev.overcast.identity.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import dev.overcast.identity.SecurityCompliance;

/**
 * bcrypt password hashes in the {@code $2b$} form Keystone writes, so hashes move between
 * the two. bcrypt reads at most 72 bytes of a password, as Keystone's does.
 */
public final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    private final SecurityCompliance compliance;

    /** @param cost bcrypt's log2 work factor (4..31); Keystone's default is 12 */
    public Passwords(int cost) {
        this(cost, SecurityCompliance.OFF);
    }

    /**
     * @param cost       bcrypt's log2 work factor (4..31); Keystone's default is 12
     * @param compliance the rules passwords are held to. They travel with the hasher because
     *                   every place that checks a password is handed one; see {@link PasswordRules}
     */
    public Passwords(int cost, SecurityCompliance compliance) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, got " + cost);
        }
        this.cost = cost;
        this.compliance = compliance;
    }

    public SecurityCompliance compliance() {
        return compliance;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", truncate(password), salt, cost);
    }

    public boolean matches(String hash, String password) {
        if (hash == null || password == null) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, truncate(password));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static char[] truncate(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 72) {
            return password.toCharArray();
        }
        return new String(bytes, 0, 72, StandardCharsets.UTF_8).toCharArray();
    }
}
