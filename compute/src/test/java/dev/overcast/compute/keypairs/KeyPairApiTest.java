package dev.overcast.compute.keypairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class KeyPairApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private static Map<String, Object> keypair(Object... fields) {
        Map<String, Object> k = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            k.put((String) fields[i], fields[i + 1]);
        }
        return Map.of("keypair", k);
    }

    private static String message(Reply reply) {
        return reply.json().properties().iterator().next().getValue().get("message").asString();
    }

    private static List<String> names(Reply reply) {
        List<String> names = new ArrayList<>();
        for (JsonNode k : reply.json().get("keypairs")) {
            names.add(k.at("/keypair/name").asString());
        }
        return names;
    }

    @Test
    void importingAKeyAnswers201WithItsFingerprintFrom22And200Before() {
        Reply at22 = server.member("imp", "p1", "2.2").post("/v2.1/os-keypairs",
                keypair("name", "k1", "public_key", TestKeys.RSA));
        assertThat(at22.status()).isEqualTo(201);
        JsonNode k = at22.json().get("keypair");
        assertThat(k.get("fingerprint").asString()).isEqualTo(TestKeys.RSA_MD5);
        assertThat(k.get("type").asString()).isEqualTo("ssh");
        assertThat(k.get("user_id").asString()).isEqualTo("imp");
        assertThat(k.get("public_key").asString()).isEqualTo(TestKeys.RSA);
        assertThat(k.has("private_key")).isFalse();
        Reply at21 = server.member("imp", "p1", "2.1").post("/v2.1/os-keypairs",
                keypair("name", "k2", "public_key", TestKeys.ED25519));
        assertThat(at21.status()).isEqualTo(200);
        assertThat(at21.json().at("/keypair/fingerprint").asString()).isEqualTo(TestKeys.ED25519_MD5);
        assertThat(at21.json().at("/keypair").has("type")).isFalse();
    }

    @Test
    void anX509CertificateIsImportedWithItsSha1Fingerprint() {
        Reply reply = server.member("x509", "p1", "2.2").post("/v2.1/os-keypairs",
                keypair("name", "cert", "type", "x509", "public_key", TestKeys.CERT));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().at("/keypair/fingerprint").asString()).isEqualTo(TestKeys.CERT_SHA1);
        assertThat(reply.json().at("/keypair/type").asString()).isEqualTo("x509");
        Reply bad = server.member("x509", "p1", "2.2").post("/v2.1/os-keypairs",
                keypair("name", "cert2", "type", "x509", "public_key", TestKeys.RSA));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aKeyThatDoesNotParseIsA400() {
        Reply reply = server.member("bad", "p1", "2.2").post("/v2.1/os-keypairs",
                keypair("name", "bad", "public_key", "ssh-rsa notakey"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(message(reply)).isEqualTo("Keypair data is invalid: failed to generate fingerprint");
    }

    @Test
    void aNameTakenByTheSameUserIsA409ButAnotherUserMayUseIt() {
        ApiClient a = server.member("dup-a", "p1", "2.2");
        a.post("/v2.1/os-keypairs", keypair("name", "same", "public_key", TestKeys.RSA));
        Reply again = a.post("/v2.1/os-keypairs", keypair("name", "same", "public_key", TestKeys.ED25519));
        assertThat(again.status()).isEqualTo(409);
        assertThat(message(again)).isEqualTo("Key pair 'same' already exists.");
        assertThat(a.post("/v2.1/os-keypairs", keypair("name", "same")).status()).isEqualTo(409);
        assertThat(server.member("dup-b", "p1", "2.2").post("/v2.1/os-keypairs",
                keypair("name", "same", "public_key", TestKeys.RSA)).status()).isEqualTo(201);
    }

    @Test
    void before292AKeyIsGeneratedAndItsPrivateHalfAnsweredOnce() throws Exception {
        ApiClient client = server.member("gen", "p1", "2.91");
        Reply reply = client.post("/v2.1/os-keypairs", keypair("name", "generated"));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode k = reply.json().get("keypair");
        assertThat(k.get("private_key").asString()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
                .endsWith("-----END RSA PRIVATE KEY-----\n");
        String publicKey = k.get("public_key").asString();
        assertThat(publicKey).startsWith("ssh-rsa ").endsWith(" Generated-by-Nova");
        assertThat(k.get("fingerprint").asString()).isEqualTo(PublicKeys.sshFingerprint(publicKey));
        Reply shown = client.get("/v2.1/os-keypairs/generated");
        assertThat(shown.json().at("/keypair").has("private_key")).isFalse();
        assertThat(shown.json().at("/keypair/public_key").asString()).isEqualTo(publicKey);
    }

    @Test
    void anX509KeyPairIsGeneratedAsACertificateAndAPkcs12File() throws Exception {
        Reply reply = server.member("genx", "p1", "2.2").post("/v2.1/os-keypairs",
                keypair("name", "winrm", "type", "x509"));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode k = reply.json().get("keypair");
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(k.get("public_key").asString().getBytes()));
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=genx");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(k.get("fingerprint").asString()).isEqualTo(PublicKeys.x509Fingerprint(k.get("public_key").asString()));
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(Base64.getDecoder().decode(k.get("private_key").asString())), new char[0]);
        assertThat(p12.isKeyEntry(p12.aliases().nextElement())).isTrue();
    }

    @Test
    void from292APublicKeyIsRequired() {
        Reply reply = server.member("g292", "p1", "2.92").post("/v2.1/os-keypairs", keypair("name", "nokey"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(message(reply)).contains("public_key");
    }

    @Test
    void namesWithAtOrDotAreAllowedOnlyFrom292() {
        Reply old = server.member("names", "p1", "2.91").post("/v2.1/os-keypairs",
                keypair("name", "me@host.x", "public_key", TestKeys.RSA));
        assertThat(old.status()).isEqualTo(400);
        assertThat(message(old)).isEqualTo("Keypair data is invalid: Keypair name contains unsafe characters");
        Reply now = server.member("names", "p1", "2.92").post("/v2.1/os-keypairs",
                keypair("name", "me@host.x", "public_key", TestKeys.RSA));
        assertThat(now.status()).isEqualTo(201);
        assertThat(server.member("names", "p1", "2.92").post("/v2.1/os-keypairs",
                keypair("name", "a/b", "public_key", TestKeys.RSA)).status()).isEqualTo(400);
        assertThat(server.member("names", "p1", "2.92").post("/v2.1/os-keypairs",
                keypair("name", " lead", "public_key", TestKeys.RSA)).status()).isEqualTo(400);
        assertThat(server.member("names", "p1", "2.92").post("/v2.1/os-keypairs",
                keypair("name", "", "public_key", TestKeys.RSA)).status()).isEqualTo(400);
    }

    @Test
    void badBodiesAre400sPerMicroversion() {
        ApiClient at21 = server.member("body", "p1", "2.1");
        assertThat(at21.post("/v2.1/os-keypairs", keypair("name", "t", "type", "ssh", "public_key", TestKeys.RSA))
                .status()).isEqualTo(400);
        ApiClient at22 = server.member("body", "p1", "2.2");
        assertThat(at22.post("/v2.1/os-keypairs", keypair("name", "t", "type", "pgp", "public_key", TestKeys.RSA))
                .status()).isEqualTo(400);
        assertThat(at22.post("/v2.1/os-keypairs", keypair("name", "t", "user_id", "x", "public_key", TestKeys.RSA))
                .status()).isEqualTo(400);
        assertThat(at22.post("/v2.1/os-keypairs", Map.of("other", Map.of())).status()).isEqualTo(400);
    }

    @Test
    void showListsAndDeletesByMicroversion() {
        ApiClient at21 = server.member("life", "p1", "2.1");
        at21.post("/v2.1/os-keypairs", keypair("name", "b", "public_key", TestKeys.RSA));
        at21.post("/v2.1/os-keypairs", keypair("name", "a", "public_key", TestKeys.ED25519));
        Reply list = at21.get("/v2.1/os-keypairs");
        assertThat(names(list)).containsExactly("a", "b");
        JsonNode first = list.json().at("/keypairs/0/keypair");
        assertThat(first.get("fingerprint").asString()).isEqualTo(TestKeys.ED25519_MD5);
        assertThat(first.has("type")).isFalse();
        assertThat(server.member("life", "p1", "2.2").get("/v2.1/os-keypairs").json().at("/keypairs/0/keypair/type")
                .asString()).isEqualTo("ssh");
        JsonNode shown = at21.get("/v2.1/os-keypairs/a").json().get("keypair");
        assertThat(shown.get("name").asString()).isEqualTo("a");
        assertThat(shown.get("user_id").asString()).isEqualTo("life");
        assertThat(shown.get("deleted").asBoolean()).isFalse();
        assertThat(shown.get("deleted_at").isNull()).isTrue();
        assertThat(shown.get("updated_at").isNull()).isTrue();
        assertThat(shown.get("id").isIntegralNumber()).isTrue();
        assertThat(shown.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat(shown.has("type")).isFalse();
        Reply deleted = at21.delete("/v2.1/os-keypairs/a");
        assertThat(deleted.status()).isEqualTo(202);
        Reply gone = at21.get("/v2.1/os-keypairs/a");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(message(gone)).isEqualTo("Keypair a not found for user life");
        assertThat(server.member("life", "p1", "2.2").delete("/v2.1/os-keypairs/b").status()).isEqualTo(204);
        assertThat(server.member("life", "p1", "2.2").delete("/v2.1/os-keypairs/b").status()).isEqualTo(404);
    }

    @Test
    void from235TheListIsPagedWithANextLink() {
        ApiClient client = server.member("pager", "p1", "2.35");
        for (String name : new String[] {"k1", "k2", "k3", "k4", "k5"}) {
            client.post("/v2.1/os-keypairs", keypair("name", name, "public_key", TestKeys.RSA));
        }
        Reply first = client.get("/v2.1/os-keypairs?limit=2");
        assertThat(names(first)).containsExactly("k1", "k2");
        String next = first.json().at("/keypairs_links/0/href").asString();
        assertThat(next).contains("/v2.1/os-keypairs?").contains("marker=k2");
        assertThat(names(client.get(next.substring(next.indexOf("/v2.1"))))).containsExactly("k3", "k4");
        Reply last = client.get("/v2.1/os-keypairs?limit=2&marker=k4");
        assertThat(names(last)).containsExactly("k5");
        assertThat(last.json().has("keypairs_links")).isFalse();
        Reply badMarker = client.get("/v2.1/os-keypairs?marker=nope");
        assertThat(badMarker.status()).isEqualTo(400);
        assertThat(message(badMarker)).isEqualTo("Marker nope could not be found.");
        assertThat(names(server.member("pager", "p1", "2.34").get("/v2.1/os-keypairs?limit=2"))).hasSize(5);
    }

    @Test
    void from275UnknownQueryParametersAreA400() {
        ApiClient client = server.member("strict", "p1", "2.75");
        assertThat(client.get("/v2.1/os-keypairs?colour=red").status()).isEqualTo(400);
        assertThat(client.get("/v2.1/os-keypairs/x?colour=red").status()).isEqualTo(400);
        assertThat(client.delete("/v2.1/os-keypairs/x?colour=red").status()).isEqualTo(400);
        assertThat(server.member("strict", "p1", "2.74").get("/v2.1/os-keypairs?colour=red").status()).isEqualTo(200);
    }

    @Test
    void from210AdminsManageOtherUsersKeyPairsAndUsersOnlyTheirOwn() {
        ApiClient admin = server.admin("2.10");
        Reply created = admin.post("/v2.1/os-keypairs", keypair("name", "given", "user_id", "owner",
                "public_key", TestKeys.RSA));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/keypair/user_id").asString()).isEqualTo("owner");
        assertThat(names(server.member("owner", "p1", "2.10").get("/v2.1/os-keypairs"))).containsExactly("given");
        assertThat(names(admin.get("/v2.1/os-keypairs?user_id=owner"))).containsExactly("given");
        assertThat(admin.get("/v2.1/os-keypairs/given?user_id=owner").status()).isEqualTo(200);
        ApiClient other = server.member("other", "p1", "2.10");
        Reply peek = other.get("/v2.1/os-keypairs?user_id=owner");
        assertThat(peek.status()).isEqualTo(403);
        assertThat(message(peek)).isEqualTo("Policy doesn't allow os_compute_api:os-keypairs:index to be performed.");
        assertThat(other.get("/v2.1/os-keypairs/given?user_id=owner").status()).isEqualTo(403);
        assertThat(other.delete("/v2.1/os-keypairs/given?user_id=owner").status()).isEqualTo(403);
        assertThat(other.post("/v2.1/os-keypairs", keypair("name", "planted", "user_id", "owner",
                "public_key", TestKeys.RSA)).status()).isEqualTo(403);
        assertThat(other.get("/v2.1/os-keypairs/given").status()).isEqualTo(404);
        assertThat(admin.delete("/v2.1/os-keypairs/given?user_id=owner").status()).isEqualTo(204);
        // Before 2.10 user_id is not read: the caller's own key pairs are meant.
        assertThat(names(server.member("other", "p1", "2.9").get("/v2.1/os-keypairs?user_id=owner"))).isEmpty();
    }

    @Test
    void theKeyPairQuotaOfTheUserIsEnforced() {
        server.admin("2.1").put("/v2.1/os-quota-sets/pq?user_id=quser", Map.of("quota_set", Map.of("key_pairs", 1)));
        ApiClient client = server.member("quser", "pq", "2.2");
        assertThat(client.post("/v2.1/os-keypairs", keypair("name", "one", "public_key", TestKeys.RSA)).status())
                .isEqualTo(201);
        Reply second = client.post("/v2.1/os-keypairs", keypair("name", "two", "public_key", TestKeys.RSA));
        assertThat(second.status()).isEqualTo(403);
        assertThat(message(second)).isEqualTo("Quota exceeded, too many key pairs.");
        assertThat(second.json().has("forbidden")).isTrue();
    }

    @Test
    void theStoreFindsAKeyPairByUserAndName() {
        server.member("store", "p1", "2.2").post("/v2.1/os-keypairs", keypair("name", "mine", "public_key",
                TestKeys.ECDSA));
        KeyPairStore store = new KeyPairStore(server.context());
        KeyPair k = store.find("store", "mine").orElseThrow();
        assertThat(k.fingerprint()).isEqualTo(TestKeys.ECDSA_MD5);
        assertThat(k.publicKey()).isEqualTo(TestKeys.ECDSA);
        assertThat(k.type()).isEqualTo("ssh");
        assertThat(k.createdAt()).isNotNull();
        assertThat(store.find("someone-else", "mine")).isEmpty();
    }
}
