package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.core.config.ConfigLoader;
import dev.overcast.identity.SecurityCompliance;

/** Keystone's [security_compliance] options, under their own names, in the file and the environment. */
class SecurityComplianceConfigTest {

    @Test
    void everyFeatureIsOffUnlessConfigured() {
        OvercastConfig config = ConfigLoader.load(OvercastConfig.class, null, Map.of(), Map.of());
        assertThat(config.securityCompliance()).isEqualTo(SecurityCompliance.OFF);
        assertThat(config.securityCompliance().lockoutFailureAttempts()).isNull();
        assertThat(config.securityCompliance().lockoutDuration()).isEqualTo(1800);
        assertThat(config.securityCompliance().uniqueLastPasswordCount()).isZero();
    }

    @Test
    void optionsComeFromTheFileAndTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("overcast.yaml");
        Files.writeString(file, """
                security_compliance:
                  lockout_failure_attempts: 2
                  password_regex: '^.{8,}$'
                  password_regex_description: at least 8 characters
                """);
        OvercastConfig config = ConfigLoader.load(OvercastConfig.class, file, Map.of(
                "OVERCAST_SECURITY_COMPLIANCE_LOCKOUT_DURATION", "5",
                "OVERCAST_SECURITY_COMPLIANCE_UNIQUE_LAST_PASSWORD_COUNT", "2",
                "OVERCAST_SECURITY_COMPLIANCE_CHANGE_PASSWORD_UPON_FIRST_USE", "true"), Map.of());
        SecurityCompliance c = config.securityCompliance();
        assertThat(c.lockoutFailureAttempts()).isEqualTo(2);
        assertThat(c.lockoutDuration()).isEqualTo(5);
        assertThat(c.uniqueLastPasswordCount()).isEqualTo(2);
        assertThat(c.passwordRegexDescription()).isEqualTo("at least 8 characters");
        assertThat(c.changePasswordUponFirstUse()).isTrue();
    }

    @Test
    void anInvalidOptionIsRefusedWithItsName() {
        assertThatThrownBy(() -> ConfigLoader.load(OvercastConfig.class, null,
                Map.of("OVERCAST_SECURITY_COMPLIANCE_LOCKOUT_DURATION", "0"), Map.of()))
                .hasMessageContaining("lockout_duration");
    }
}
