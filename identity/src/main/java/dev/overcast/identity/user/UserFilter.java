package dev.overcast.identity.user;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * The filters of {@code GET /v3/users} as one predicate. {@code password_expires_at} takes
 * Keystone's {@code [operator:]timestamp} form, operator one of lt, lte, gt, gte, eq, neq
 * (eq when omitted); a user whose password never expires matches only neq.
 */
public record UserFilter(Optional<String> name, Optional<String> domainId, Optional<Boolean> enabled,
                  Optional<Predicate<Instant>> expires) implements Predicate<UserRow> {

    /** The filters given in the request's query. */
    public static UserFilter of(Request req) {
        return new UserFilter(req.query("name"), req.query("domain_id"),
                req.query("enabled").map(UserFilter::bool), req.query("password_expires_at").map(UserFilter::expiry));
    }

    @Override
    public boolean test(UserRow row) {
        return name.map(row.name()::equals).orElse(true)
                && domainId.map(row.domainId()::equals).orElse(true)
                && enabled.map(e -> e == row.enabled()).orElse(true)
                && expires.map(p -> p.test(row.passwordExpiresAt())).orElse(true);
    }

    /** A boolean query parameter as Keystone reads one; a 400 for anything else. */
    public static boolean bool(String value) {
        return switch (value.toLowerCase()) {
            case "true", "1", "yes", "on", "" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.badRequest("Invalid boolean value '" + value + "'.");
        };
    }

    private static Predicate<Instant> expiry(String value) {
        int colon = value.indexOf(':');
        String op = colon > 0 && colon <= 3 && value.substring(0, colon).chars().allMatch(Character::isLetter)
                ? value.substring(0, colon) : "eq";
        String time = op.equals("eq") && !value.startsWith("eq:") ? value : value.substring(colon + 1);
        Instant at;
        try {
            at = time.endsWith("Z") ? Instant.parse(time) : LocalDateTime.parse(time).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid timestamp '" + time + "' for password_expires_at.");
        }
        return switch (op) {
            case "lt" -> t -> t != null && t.isBefore(at);
            case "lte" -> t -> t != null && !t.isAfter(at);
            case "gt" -> t -> t != null && t.isAfter(at);
            case "gte" -> t -> t != null && !t.isBefore(at);
            case "eq" -> t -> t != null && t.equals(at);
            case "neq" -> t -> t == null || !t.equals(at);
            default -> throw ApiException.badRequest("Invalid operator '" + op + "' for password_expires_at.");
        };
    }
}
