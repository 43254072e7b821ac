package dev.overcast.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Keystone's {@code [security_compliance]} options (PCI-DSS): account lockout, password
 * expiry, password history, minimum password age and a password format. Every feature is off
 * by default, as in Keystone; {@link #OFF} is that default.
 *
 * <p>The methods here are the pure decisions (is this account locked now, when does a new
 * password expire); the reads and writes that apply them live with the users.
 *
 * @param lockoutFailureAttempts     failed password authentications after which the account is
 *                                   locked; default null (lockout off)
 * @param lockoutDuration            how long a locked account stays locked, in seconds; default 1800.
 *                                   Only meaningful with {@code lockoutFailureAttempts}
 * @param passwordExpiresDays        days a new password is valid before it must be changed; default
 *                                   null (passwords never expire)
 * @param uniqueLastPasswordCount    how many of the latest passwords, the current one included, a new
 *                                   self-service password must differ from; default 0 (off)
 * @param minimumPasswordAge         days a self-service password must be kept before the user may
 *                                   change it again; default 0 (off). An admin reset is never held back
 * @param passwordRegex              a regular expression every new password must match from its start
 *                                   (Python's {@code re.match}); default null (any password)
 * @param passwordRegexDescription   the requirement in words, shown when a password does not match;
 *                                   default null
 * @param changePasswordUponFirstUse whether a password set by an admin (on create or reset) must be
 *                                   changed by its user before it yields a token; default false
 */
public record SecurityCompliance(Integer lockoutFailureAttempts, Integer lockoutDuration,
                                 Integer passwordExpiresDays, Integer uniqueLastPasswordCount,
                                 Integer minimumPasswordAge, String passwordRegex, String passwordRegexDescription,
                                 Boolean changePasswordUponFirstUse) {

    /** Keystone's defaults: every feature off. */
    public static final SecurityCompliance OFF = new SecurityCompliance(null, null, null, null, null, null, null, null);

    public SecurityCompliance {
        lockoutDuration = lockoutDuration == null ? 1800 : lockoutDuration;
        uniqueLastPasswordCount = uniqueLastPasswordCount == null ? 0 : uniqueLastPasswordCount;
        minimumPasswordAge = minimumPasswordAge == null ? 0 : minimumPasswordAge;
        changePasswordUponFirstUse = changePasswordUponFirstUse != null && changePasswordUponFirstUse;
        if (lockoutFailureAttempts != null && lockoutFailureAttempts < 1) {
            throw new IllegalArgumentException(
                    "security_compliance.lockout_failure_attempts must be at least 1, got " + lockoutFailureAttempts);
        }
        if (lockoutDuration < 1) {
            throw new IllegalArgumentException(
                    "security_compliance.lockout_duration must be at least 1 second, got " + lockoutDuration);
        }
        if (passwordExpiresDays != null && passwordExpiresDays < 0) {
            throw new IllegalArgumentException(
                    "security_compliance.password_expires_days must be 0 or more, got " + passwordExpiresDays);
        }
        if (uniqueLastPasswordCount < 0) {
            throw new IllegalArgumentException("security_compliance.unique_last_password_count must be 0 or more, got "
                    + uniqueLastPasswordCount);
        }
        if (minimumPasswordAge < 0) {
            throw new IllegalArgumentException(
                    "security_compliance.minimum_password_age must be 0 or more, got " + minimumPasswordAge);
        }
        if (passwordRegex != null) {
            try {
                Pattern.compile(passwordRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("security_compliance.password_regex is not a valid regular expression: "
                        + e.getDescription(), e);
            }
        }
    }

    /**
     * Whether an account with {@code failedCount} failures, the last at {@code failedAt}, is
     * locked at {@code now}. A lock lasts {@link #lockoutDuration} from the last failure.
     */
    public boolean locked(int failedCount, Instant failedAt, Instant now) {
        if (lockoutFailureAttempts == null || failedCount < lockoutFailureAttempts) {
            return false;
        }
        return failedAt != null && failedAt.plusSeconds(lockoutDuration).isAfter(now);
    }

    /** Whether the failure count has reached the limit (locked, or a lock that has just run out). */
    public boolean atLimit(int failedCount) {
        return lockoutFailureAttempts != null && failedCount >= lockoutFailureAttempts;
    }

    /**
     * When a password set at {@code now} expires: at once if an admin set it and it must be
     * changed upon first use, after {@link #passwordExpiresDays} (whole seconds, as Keystone
     * truncates) if expiry is on, else never (null).
     */
    public Instant passwordExpiresAt(Instant now, boolean setByAdmin, UserExemptions exempt) {
        if (setByAdmin && changePasswordUponFirstUse && !exempt.changePasswordUponFirstUse()) {
            return now;
        }
        if (passwordExpiresDays == null || passwordExpiresDays == 0 || exempt.passwordExpiry()) {
            return null;
        }
        return now.plus(Duration.ofDays(passwordExpiresDays)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Whether {@code password} meets {@link #passwordRegex} (matched from its start, as Python's re.match). */
    public boolean meetsFormat(String password) {
        return passwordRegex == null || Pattern.compile(passwordRegex).matcher(password).lookingAt();
    }

    /** A user's opt-outs, from Keystone's user options {@code ignore_*}. */
    public record UserExemptions(boolean lockout, boolean passwordExpiry, boolean changePasswordUponFirstUse) {
        public static final UserExemptions NONE = new UserExemptions(false, false, false);
    }
}
