package dev.overcast.compute.keypairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.overcast.core.http.ApiException;

class PublicKeysTest {
    @Test
    void fingerprintsAreWhatSshKeygenPrintsWithMd5() {
        assertThat(PublicKeys.sshFingerprint(TestKeys.ED25519)).isEqualTo(TestKeys.ED25519_MD5);
        assertThat(PublicKeys.sshFingerprint(TestKeys.RSA)).isEqualTo(TestKeys.RSA_MD5);
        assertThat(PublicKeys.sshFingerprint(TestKeys.ECDSA)).isEqualTo(TestKeys.ECDSA_MD5);
    }

    @Test
    void aKeyWithoutCommentIsFine() {
        String bare = TestKeys.ED25519.substring(0, TestKeys.ED25519.lastIndexOf(' '));
        assertThat(PublicKeys.sshFingerprint(bare)).isEqualTo(TestKeys.ED25519_MD5);
    }

    @Test
    void aCertificateFingerprintIsTheSha1OfItsDer() {
        assertThat(PublicKeys.x509Fingerprint(TestKeys.CERT)).isEqualTo(TestKeys.CERT_SHA1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ssh-rsa", "not a key", "ssh-rsa AAAA", "ssh-foo AAAAB3NzaC1yc2EAAAADAQABAAAAgQC5",
            // The body says ed25519 but the line says rsa.
            "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIJ36d2LIuS+zDES42ctpNbyxdNGmHFJNw5Y7yvYSMN/4",
            // A truncated ed25519 key.
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ36d2LIuS+zDES42ctpNbyxdNGmHFJNw5Y7yvYS",
            // A point that is not on the curve.
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLUM43VEPHJmRGWqTunxM2Qg0SZJB/s3j"
                    + "W/xfL2WfEEZl1YwzeRR5emIrJg8EfBv+WGM9lco9awIkRPDkzDpDi8="})
    void anythingElseIsInvalidKeypairData(String key) {
        assertThatThrownBy(() -> PublicKeys.sshFingerprint(key)).isInstanceOf(ApiException.class)
                .hasMessage("Keypair data is invalid: failed to generate fingerprint");
    }

    @Test
    void aCertificateThatIsNoneIsInvalid() {
        assertThatThrownBy(() -> PublicKeys.x509Fingerprint("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("Keypair data is invalid: failed to generate "
                        + "X509 fingerprint");
    }
}
