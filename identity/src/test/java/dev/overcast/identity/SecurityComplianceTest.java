package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Keystone's security compliance over HTTP, each test on a server with the options it needs
 * and a clock it moves by hand.
 */
class SecurityComplianceTest {
    private final MutableClock clock = MutableClock.startingNow();
    private IdentityServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(SecurityCompliance compliance) {
        server = new IdentityServer(clock, compliance);
    }

    private static SecurityCompliance lockout(int attempts, int seconds) {
        return new SecurityCompliance(attempts, seconds, null, null, null, null, null, null);
    }

    // ---- helpers ----

    private JsonNode createUser(String name, String password, Map<String, Object> options) {
        Map<String, Object> user = new HashMap<>();
        user.put("name", name);
        user.put("password", password);
        user.put("options", options);
        var reply = server.admin().post("/v3/users", Map.of("user", user));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        // Passwords are ordered by when they were set, as in Keystone: let each have its own time.
        clock.advance(Duration.ofSeconds(1));
        return reply.json().get("user");
    }

    private String createUser(String name, String password) {
        return createUser(name, password, Map.of()).get("id").asString();
    }

    private ApiClient.Reply auth(String userId, String password) {
        return server.client().post("/v3/auth/tokens", Map.of("auth", Map.of("identity", Map.of(
                "methods", List.of("password"), "password", Map.of("user", Map.of("id", userId,
                        "password", password))))));
    }

    private ApiClient.Reply change(String userId, String original, String password) {
        var reply = server.client().post("/v3/users/" + userId + "/password", Map.of("user", Map.of(
                "original_password", original, "password", password)));
        clock.advance(Duration.ofSeconds(1));
        return reply;
    }

    private ApiClient.Reply adminPatch(String userId, Map<String, Object> user) {
        var reply = server.admin().patch("/v3/users/" + userId, Map.of("user", user));
        clock.advance(Duration.ofSeconds(1));
        return reply;
    }

    private static String message(ApiClient.Reply reply) {
        return reply.json().get("error").get("message").asString();
    }

    private void failLogins(String userId, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(auth(userId, "wrong-" + i).status()).isEqualTo(401);
        }
    }

    // ---- off by default ----

    @Test
    void everyFeatureIsOffByDefault() {
        start(SecurityCompliance.OFF);
        JsonNode user = createUser("plain", "pw", Map.of());
        String id = user.get("id").asString();
        assertThat(user.get("password_expires_at").isNull()).isTrue();
        assertThat(auth(id, "pw").status()).as("no change needed upon first use").isEqualTo(201);

        failLogins(id, 20);
        assertThat(auth(id, "pw").status()).as("no lockout").isEqualTo(201);

        assertThat(change(id, "pw", "pw").status()).as("no history, no minimum age, any format").isEqualTo(204);
        assertThat(change(id, "pw", "pw").status()).isEqualTo(204);
        clock.advance(Duration.ofDays(10_000));
        assertThat(auth(id, "pw").status()).as("no expiry").isEqualTo(201);
        assertThat(server.admin().get("/v3/users/" + id).json().get("user").get("password_expires_at").isNull())
                .isTrue();
    }

    // ---- lockout ----

    @Test
    void anAccountLocksAfterTheFailedAttemptsAndUnlocksWhenTheDurationHasPassed() {
        start(lockout(3, 1800));
        String id = createUser("locked", "right");
        failLogins(id, 3);

        var locked = auth(id, "right");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(message(locked)).isEqualTo("The account is locked for user: " + id + ".");
        assertThat(auth(id, "wrong").status()).isEqualTo(401);

        clock.advance(Duration.ofSeconds(1799));
        assertThat(auth(id, "right").status()).as("the lock lasts from the last failure").isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        assertThat(auth(id, "right").status()).isEqualTo(201);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        start(lockout(3, 1800));
        String id = createUser("forgiven", "right");
        failLogins(id, 2);
        assertThat(auth(id, "right").status()).isEqualTo(201);
        failLogins(id, 2);
        assertThat(auth(id, "right").status()).isEqualTo(201);
    }

    @Test
    void afterALockRunsOutCountingStartsAfresh() {
        start(lockout(2, 60));
        String id = createUser("again", "right");
        failLogins(id, 2);
        clock.advance(Duration.ofSeconds(61));
        failLogins(id, 1);
        assertThat(auth(id, "right").status()).isEqualTo(201);
    }

    @Test
    void anAdminUnlocksAnAccountByEnablingIt() {
        start(lockout(2, 1800));
        String id = createUser("rescued", "right");
        failLogins(id, 2);
        assertThat(auth(id, "right").status()).isEqualTo(401);

        assertThat(adminPatch(id, Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(auth(id, "right").status()).isEqualTo(201);
    }

    @Test
    void aUserWithIgnoreLockoutFailureAttemptsIsNeverLocked() {
        start(lockout(2, 1800));
        String id = createUser("service", "right", Map.of("ignore_lockout_failure_attempts", true))
                .get("id").asString();
        failLogins(id, 5);
        assertThat(auth(id, "right").status()).isEqualTo(201);
    }

    @Test
    void wrongOriginalPasswordsOnASelfServiceChangeCountAndALockedUserCannotChange() {
        start(lockout(2, 1800));
        String id = createUser("guesser", "right");
        assertThat(change(id, "guess-1", "new-pw").status()).isEqualTo(401);
        assertThat(change(id, "guess-2", "new-pw").status()).isEqualTo(401);
        var locked = change(id, "right", "new-pw");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(message(locked)).isEqualTo("The account is locked for user: " + id + ".");
    }

    // ---- password history ----

    @Test
    void aSelfServiceChangeMustDifferFromTheLastPasswords() {
        start(new SecurityCompliance(null, null, null, 2, null, null, null, null));
        String id = createUser("historian", "first");
        assertThat(change(id, "first", "second").status()).isEqualTo(204);

        var same = change(id, "second", "second");
        assertThat(same.status()).isEqualTo(400);
        assertThat(message(same)).isEqualTo("The new password cannot be identical to a previous password. "
                + "The total number which includes the new password must be unique is 2.");
        assertThat(change(id, "second", "first").status()).isEqualTo(400);

        assertThat(change(id, "second", "third").status()).isEqualTo(204);
        assertThat(change(id, "third", "first").status()).as("first is now the third-latest").isEqualTo(204);
    }

    @Test
    void anAdminResetIsNotCheckedAgainstHistoryButIsRecordedInIt() {
        start(new SecurityCompliance(null, null, null, 2, null, null, null, null));
        String id = createUser("reset", "first");
        assertThat(adminPatch(id, Map.of("password", "first")).status()).isEqualTo(200);
        assertThat(auth(id, "first").status()).isEqualTo(201);

        assertThat(adminPatch(id, Map.of("password", "second")).status()).isEqualTo(200);
        assertThat(change(id, "second", "first").status()).as("the admin's passwords are history").isEqualTo(400);
    }

    // ---- minimum password age ----

    @Test
    void aSelfServicePasswordMustBeKeptForTheMinimumAge() {
        start(new SecurityCompliance(null, null, null, null, 2, null, null, null));
        String id = createUser("patient", "first");
        assertThat(change(id, "first", "second").status()).as("an admin-set password may be changed at once")
                .isEqualTo(204);

        var tooSoon = change(id, "second", "third");
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(message(tooSoon)).isEqualTo("You cannot change your password at this time due to the minimum "
                + "password age. Once you change your password, it must be used for 2 day(s) before it can be "
                + "changed. Please try again in 1 day(s) or contact your administrator to reset your password.");

        clock.advance(Duration.ofDays(2));
        assertThat(change(id, "second", "third").status()).isEqualTo(204);
    }

    @Test
    void anAdminResetLiftsTheMinimumAge() {
        start(new SecurityCompliance(null, null, null, null, 1, null, null, null));
        String id = createUser("helped", "first");
        assertThat(change(id, "first", "second").status()).isEqualTo(204);
        assertThat(adminPatch(id, Map.of("password", "from-admin")).status()).isEqualTo(200);
        assertThat(change(id, "from-admin", "mine").status()).isEqualTo(204);
    }

    // ---- password format ----

    @Test
    void newPasswordsMustMatchTheRegexAndTheErrorGivesItsDescription() {
        start(new SecurityCompliance(null, null, null, null, null, "^(?=.*\\d)(?=.*[a-zA-Z]).{7,}$",
                "at least 7 characters, with a letter and a digit", null));
        var created = server.admin().post("/v3/users", Map.of("user", Map.of("name", "weak", "password", "short")));
        assertThat(created.status()).isEqualTo(400);
        assertThat(message(created)).isEqualTo(
                "The password does not match the requirements: at least 7 characters, with a letter and a digit.");

        String id = createUser("strong", "abcdef1");
        assertThat(change(id, "abcdef1", "abcdefgh").status()).isEqualTo(400);
        assertThat(adminPatch(id, Map.of("password", "1234567")).status()).isEqualTo(400);
        assertThat(change(id, "abcdef1", "abcdef2").status()).isEqualTo(204);
    }

    // ---- expiry ----

    @Test
    void aPasswordExpiresAfterTheConfiguredDaysAndCanStillBeChanged() {
        start(new SecurityCompliance(null, null, 90, null, null, null, null, null));
        Instant created = clock.instant();
        JsonNode user = createUser("expiring", "first", Map.of());
        String id = user.get("id").asString();
        assertThat(user.get("password_expires_at").asString())
                .startsWith(created.plus(Duration.ofDays(90)).toString().substring(0, 19));
        assertThat(auth(id, "first").status()).isEqualTo(201);

        clock.advance(Duration.ofDays(90));
        var expired = auth(id, "first");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(message(expired)).isEqualTo("The password is expired and needs to be changed for user: " + id + ".");

        assertThat(change(id, "first", "second").status()).isEqualTo(204);
        assertThat(auth(id, "second").status()).isEqualTo(201);
        clock.advance(Duration.ofDays(89));
        assertThat(auth(id, "second").status()).isEqualTo(201);
    }

    @Test
    void aUserWithIgnorePasswordExpiryNeverExpires() {
        start(new SecurityCompliance(null, null, 1, null, null, null, null, null));
        JsonNode user = createUser("robot", "first", Map.of("ignore_password_expiry", true));
        assertThat(user.get("password_expires_at").isNull()).isTrue();
        clock.advance(Duration.ofDays(400));
        assertThat(auth(user.get("id").asString(), "first").status()).isEqualTo(201);
    }

    // ---- change upon first use ----

    @Test
    void aPasswordSetByAnAdminMustBeChangedBeforeItYieldsAToken() {
        start(new SecurityCompliance(null, null, null, null, null, null, null, true));
        String id = createUser("newcomer", "temporary");
        var refused = auth(id, "temporary");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(message(refused)).isEqualTo("The password is expired and needs to be changed for user: " + id + ".");

        assertThat(change(id, "temporary", "chosen").status()).isEqualTo(204);
        assertThat(auth(id, "chosen").status()).isEqualTo(201);

        assertThat(adminPatch(id, Map.of("password", "reset-by-admin")).status()).isEqualTo(200);
        assertThat(auth(id, "reset-by-admin").status()).isEqualTo(401);
    }

    @Test
    void aUserWithIgnoreChangePasswordUponFirstUseMayUseTheAdminsPassword() {
        start(new SecurityCompliance(null, null, null, null, null, null, null, true));
        String id = createUser("exempt", "temporary", Map.of("ignore_change_password_upon_first_use", true))
                .get("id").asString();
        assertThat(auth(id, "temporary").status()).isEqualTo(201);
    }

    @Test
    void lockPasswordForbidsSelfServiceChanges() {
        start(SecurityCompliance.OFF);
        String id = createUser("fixed", "first", Map.of("lock_password", true)).get("id").asString();
        assertThat(change(id, "first", "second").status()).isEqualTo(403);
        assertThat(auth(id, "first").status()).isEqualTo(201);
    }

    // ---- options ----

    @Test
    void invalidOptionsAreRefusedAtStart() {
        assertThatThrownBy(() -> lockout(0, 1800)).hasMessageContaining("lockout_failure_attempts");
        assertThatThrownBy(() -> lockout(3, 0)).hasMessageContaining("lockout_duration");
        assertThatThrownBy(() -> new SecurityCompliance(null, null, null, -1, null, null, null, null))
                .hasMessageContaining("unique_last_password_count");
        assertThatThrownBy(() -> new SecurityCompliance(null, null, null, null, null, "(", null, null))
                .hasMessageContaining("password_regex");
        assertThat(SecurityCompliance.OFF.lockoutDuration()).isEqualTo(1800);
        assertThat(SecurityCompliance.OFF.changePasswordUponFirstUse()).isFalse();
    }
}
