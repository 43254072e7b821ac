package dev.overcast.compute.keypairs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * The key pairs Nova generates when asked for one without a public key (before 2.92): an
 * RSA 2048 key whose private half is answered once as a PKCS#1 PEM and whose public half is an
 * OpenSSH line ending {@code Generated-by-Nova}; or, for type {@code x509}, a self-signed
 * client certificate for the user (CN and UPN, ten years) with its private key as a
 * base64 PKCS#12 file without a password, as Nova's {@code generate_winrm_x509_cert} makes.
 */
final class KeyGenerator {
    /** Windows' UPN other name, which Nova's certificate carries as {@code <user>@localhost}. */
    private static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");

    /** A generated key: the private half (shown once), the public half and its fingerprint. */
    record Generated(String privateKey, String publicKey, String fingerprint) {
    }

    private final SecureRandom random;
    private final Clock clock;

    KeyGenerator(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    Generated ssh() {
        KeyPair pair = rsa();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        byte[] body = wire(pub);
        String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(body) + " Generated-by-Nova";
        return new Generated(pem("RSA PRIVATE KEY", pkcs1(pair)), publicKey, PublicKeys.sshFingerprint(body));
    }

    Generated x509(String userId) {
        KeyPair pair = rsa();
        try {
            byte[] der = certificate(pair, userId);
            Certificate cert = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
            String pem = pem("CERTIFICATE", der);
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            p12.setKeyEntry("key", pair.getPrivate(), new char[0], new Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p12.store(out, new char[0]);
            return new Generated(Base64.getEncoder().encodeToString(out.toByteArray()), pem,
                    PublicKeys.x509Fingerprint(pem));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make an X.509 key pair", e);
        }
    }

    private KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make RSA keys", e);
        }
    }

    /** {@code openssl req -x509 -subj /CN=<user> -days 3650} with Nova's client extensions. */
    private byte[] certificate(KeyPair pair, String userId) throws GeneralSecurityException, IOException {
        Instant now = clock.instant();
        X500Name subject = new X500Name("CN=" + userId.replace(",", "\\,").replace("+", "\\+").replace("=", "\\="));
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption,
                org.bouncycastle.asn1.DERNull.INSTANCE);
        ASN1EncodableVector upn = new ASN1EncodableVector();
        upn.add(UPN);
        upn.add(new DERTaggedObject(true, 0, new DERUTF8String(userId + "@localhost")));
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.otherName, new DERSequence(upn)));
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, random)));
        tbs.setSignature(algorithm);
        tbs.setIssuer(subject);
        tbs.setSubject(subject);
        tbs.setStartDate(new Time(Date.from(now)));
        tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(3650)))));
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        tbs.setExtensions(new Extensions(new Extension[] {
                new Extension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth).getEncoded()),
                new Extension(Extension.subjectAlternativeName, false, names.getEncoded())}));
        TBSCertificate certificate = tbs.generateTBSCertificate();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate(), random);
        signer.update(certificate.getEncoded());
        ASN1EncodableVector cert = new ASN1EncodableVector();
        cert.add(certificate);
        cert.add(algorithm);
        cert.add(new DERBitString(signer.sign()));
        return new DERSequence(cert).getEncoded();
    }

    /** The traditional OpenSSL form: the PKCS#1 {@code RSAPrivateKey} inside the JDK's PKCS#8. */
    private static byte[] pkcs1(KeyPair pair) {
        try {
            return PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive()
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-encode the RSA key", e);
        }
    }

    /** The SSH wire form of an RSA public key: "ssh-rsa", e, n. */
    private static byte[] wire(RSAPublicKey key) {
        byte[] type = "ssh-rsa".getBytes(StandardCharsets.US_ASCII);
        byte[] e = key.getPublicExponent().toByteArray();
        byte[] n = key.getModulus().toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + type.length + e.length + n.length);
        out.putInt(type.length).put(type).putInt(e.length).put(e).putInt(n.length).put(n);
        return out.array();
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
