package dev.overcast.identity.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import dev.overcast.identity.SecurityCompliance;
import dev.overcast.identity.SecurityCompliance.UserExemptions;
import tools.jackson.databind.JsonNode;

/**
 * Keystone's security compliance applied to users: the lockout around every password check,
 * expiry at authentication, and the rules a new password must meet. The decisions themselves
 * are {@link SecurityCompliance}'s; this class reads the user's state and records failures.
 *
 * <p>Keystone's order is kept, and it matters for what a caller can learn: a locked account is
 * refused before its password is even checked (so guessing on stops counting), a wrong
 * password is counted, and only a right one reaches the expiry check. Messages are Keystone's.
 */
public final class PasswordRules {
    private static final String UNAUTHORIZED = "The request you have made requires authentication.";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Passwords passwords;
    private final SecurityCompliance rules;

    public PasswordRules(Jdbi jdbi, Clock clock, Passwords passwords) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.passwords = passwords;
        this.rules = passwords.compliance();
    }

    /**
     * Checks {@code password} against {@code user}'s, as Keystone's identity {@code authenticate}:
     * a 401 if the account is locked or the password is wrong (which is counted). Expiry is
     * left to {@link #checkNotExpired}, since a user may still change an expired password.
     */
    public void verify(UserRow user, String password) {
        Instant now = clock.instant();
        if (!exemptions(user.options()).lockout() && rules.atLimit(user.failedAuthCount())) {
            if (rules.locked(user.failedAuthCount(), user.failedAuthAt(), now)) {
                throw ApiException.unauthorized("The account is locked for user: " + user.id() + ".");
            }
            // The lock has run out: counting starts afresh, as in Keystone.
            jdbi.useExtension(UserStore.class, s -> s.resetFailedAuth(user.id()));
        }
        if (!passwords.matches(user.passwordHash(), password)) {
            jdbi.useExtension(UserStore.class, s -> s.recordFailedAuth(user.id(), now));
            throw ApiException.unauthorized(UNAUTHORIZED);
        }
    }

    /** A 401 if the user's password has expired (or must be changed upon first use). */
    public void checkNotExpired(UserRow user) {
        Instant expiresAt = user.passwordExpiresAt();
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)
                && !exemptions(user.options()).passwordExpiry()) {
            throw ApiException.unauthorized("The password is expired and needs to be changed for user: "
                    + user.id() + ".");
        }
    }

    /** After a successful authentication: the failures so far are forgiven. */
    public void succeeded(UserRow user) {
        if (user.failedAuthCount() > 0) {
            jdbi.useExtension(UserStore.class, s -> s.resetFailedAuth(user.id()));
        }
    }

    /** A 400 unless {@code password} meets the configured format. */
    public void checkFormat(String password) {
        if (password != null && !rules.meetsFormat(password)) {
            throw ApiException.badRequest("The password does not match the requirements: "
                    + rules.passwordRegexDescription() + ".");
        }
    }

    /**
     * The checks on a self-service change, in Keystone's order: format, {@code lock_password},
     * minimum age (only of a password the user set themselves; an admin reset may be changed
     * at once), then history. History holds the current password too.
     */
    public void checkSelfServiceChange(UserRow user, String newPassword) {
        checkFormat(newPassword);
        if (option(user.options(), "lock_password")) {
            throw ApiException.forbidden("You cannot change your password at this time due to password policy "
                    + "disallowing password changes. Please contact your administrator to reset your password.");
        }
        checkMinimumAge(user);
        checkHistory(user, newPassword);
    }

    /** When a password set now expires; {@code setByAdmin} for creation and admin resets. */
    public Instant expiresAt(String options, boolean setByAdmin) {
        return rules.passwordExpiresAt(clock.instant(), setByAdmin, exemptions(options));
    }

    private void checkMinimumAge(UserRow user) {
        int days = rules.minimumPasswordAge();
        if (days == 0 || user.passwordCreatedAt() == null
                || !jdbi.withExtension(UserStore.class, s -> s.newestIsSelfService(user.id())).orElse(false)) {
            return;
        }
        Instant changeableAt = user.passwordCreatedAt().plus(Duration.ofDays(days));
        Instant now = clock.instant();
        if (now.isBefore(changeableAt)) {
            long daysLeft = Duration.between(now, changeableAt).toDays();
            throw ApiException.badRequest("You cannot change your password at this time due to the minimum "
                    + "password age. Once you change your password, it must be used for " + days + " day(s) "
                    + "before it can be changed. Please try again in " + daysLeft + " day(s) or contact your "
                    + "administrator to reset your password.");
        }
    }

    private void checkHistory(UserRow user, String newPassword) {
        int count = rules.uniqueLastPasswordCount();
        if (count == 0) {
            return;
        }
        List<String> recent = new ArrayList<>();
        if (user.passwordHash() != null) {
            recent.add(user.passwordHash());
        }
        for (String hash : jdbi.withExtension(UserStore.class, s -> s.history(user.id()))) {
            if (recent.size() >= count) {
                break;
            }
            if (!recent.contains(hash)) {
                recent.add(hash);
            }
        }
        for (String hash : recent) {
            if (passwords.matches(hash, newPassword)) {
                throw ApiException.badRequest("The new password cannot be identical to a previous password. The "
                        + "total number which includes the new password must be unique is " + count + ".");
            }
        }
    }

    /** The user's {@code ignore_*} options (Keystone's user resource options). */
    public static UserExemptions exemptions(String options) {
        return new UserExemptions(option(options, "ignore_lockout_failure_attempts"),
                option(options, "ignore_password_expiry"),
                option(options, "ignore_change_password_upon_first_use"));
    }

    private static boolean option(String options, String name) {
        if (options == null || options.isEmpty()) {
            return false;
        }
        JsonNode value = Json.parse(options).get(name);
        return value != null && value.isBoolean() && value.asBoolean();
    }
}
