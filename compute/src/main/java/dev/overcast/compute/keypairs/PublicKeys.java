package dev.overcast.compute.keypairs;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.overcast.core.http.ApiException;

/**
 * Checks imported public keys and computes their fingerprints as Nova does.
 *
 * <p>An SSH key must load as pyca/cryptography's {@code load_ssh_public_key} loads it: a line
 * {@code <type> <base64 body> [comment]} whose body is in the SSH wire format, starts with the
 * same type, holds a well-formed key of that type (RSA, DSA, ECDSA on the NIST curves, Ed25519,
 * and the FIDO {@code sk-} variants) and nothing after it. Its fingerprint is the MD5 of the
 * decoded body in colon-separated hex, what {@code ssh-keygen -l -E md5} prints. An X.509
 * key is a PEM certificate; its fingerprint is the SHA-1 of the certificate's DER encoding.
 */
final class PublicKeys {
    private static final Pattern LINE = Pattern.compile("\\A(\\S+)[ \\t]+(\\S+)");
    private static final Map<String, String> CURVES = Map.of("nistp256", "secp256r1", "nistp384", "secp384r1",
            "nistp521", "secp521r1");

    private PublicKeys() {
    }

    /** The MD5 fingerprint of an OpenSSH public key line; a 400 if it is not one. */
    static String sshFingerprint(String publicKey) {
        byte[] body = parse(publicKey);
        return colons(digest("MD5", body));
    }

    /** The SHA-1 fingerprint of a PEM certificate; a 400 if it is not one. */
    static String x509Fingerprint(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
            return colons(digest("SHA-1", cert.getEncoded()));
        } catch (CertificateException | RuntimeException e) {
            throw ApiException.badRequest("Keypair data is invalid: failed to generate X509 fingerprint. "
                    + "Error message: Unable to load certificate");
        }
    }

    /** The fingerprint of a key Overcast itself produced in the SSH wire format. */
    static String sshFingerprint(byte[] body) {
        return colons(digest("MD5", body));
    }

    private static byte[] parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            throw invalid();
        }
        String type = m.group(1);
        byte[] body;
        try {
            body = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            String inner = new String(string(in), StandardCharsets.ISO_8859_1);
            if (!inner.equals(type)) {
                throw invalid();
            }
            switch (type) {
                case "ssh-rsa" -> rsa(in);
                case "ssh-dss" -> dsa(in);
                case "ssh-ed25519" -> ed25519(in);
                case "sk-ssh-ed25519@openssh.com" -> {
                    ed25519(in);
                    string(in);
                }
                case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" ->
                        ecdsa(in, type.substring("ecdsa-sha2-".length()));
                case "sk-ecdsa-sha2-nistp256@openssh.com" -> {
                    ecdsa(in, "nistp256");
                    string(in);
                }
                default -> throw invalid();
            }
            if (in.hasRemaining()) {
                throw invalid();
            }
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw invalid();
        }
        // Nova hashes the second space-separated word of the line.
        String[] words = line.split(" ", -1);
        if (words.length < 2) {
            throw invalid();
        }
        try {
            return Base64.getMimeDecoder().decode(words[1]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static void rsa(ByteBuffer in) {
        BigInteger e = mpint(in);
        BigInteger n = mpint(in);
        if (n.signum() <= 0 || !n.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0
                || !e.testBit(0)) {
            throw new IllegalArgumentException("not an RSA key");
        }
    }

    private static void dsa(ByteBuffer in) {
        BigInteger p = mpint(in);
        BigInteger q = mpint(in);
        BigInteger g = mpint(in);
        BigInteger y = mpint(in);
        if (p.signum() <= 0 || q.signum() <= 0 || g.signum() <= 0 || y.signum() <= 0 || g.compareTo(p) >= 0
                || y.compareTo(p) >= 0) {
            throw new IllegalArgumentException("not a DSA key");
        }
    }

    private static void ed25519(ByteBuffer in) {
        if (string(in).length != 32) {
            throw new IllegalArgumentException("not an Ed25519 key");
        }
    }

    private static void ecdsa(ByteBuffer in, String curve) {
        String named = new String(string(in), StandardCharsets.ISO_8859_1);
        if (!named.equals(curve)) {
            throw new IllegalArgumentException("curve mismatch");
        }
        byte[] point = string(in);
        ECParameterSpec spec = curve(CURVES.get(curve));
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        int size = (p.bitLength() + 7) / 8;
        if (point.length != 1 + 2 * size || point[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed point");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 1 + size));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1 + size, point.length));
        BigInteger a = spec.getCurve().getA();
        BigInteger b = spec.getCurve().getB();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
                || !y.modPow(BigInteger.TWO, p).equals(x.pow(3).add(a.multiply(x)).add(b).mod(p))) {
            throw new IllegalArgumentException("point not on the curve");
        }
    }

    private static ECParameterSpec curve(String name) {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(name));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks curve " + name, e);
        }
    }

    /** An SSH {@code string}: a 32-bit length and that many bytes. */
    private static byte[] string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    /** An SSH {@code mpint}: a two's complement big-endian string. */
    private static BigInteger mpint(ByteBuffer in) {
        byte[] bytes = string(in);
        return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }

    private static String colons(byte[] digest) {
        return HexFormat.ofDelimiter(":").formatHex(digest);
    }

    private static ApiException invalid() {
        return ApiException.badRequest("Keypair data is invalid: failed to generate fingerprint");
    }
}
