package dev.overcast.orchestration.template.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code digest: [algorithm, value]}: the hex digest of the value. */
final class Digest extends Function {

    /** Python hashlib names to JDK names. */
    private static final Map<String, String> ALGORITHMS = new LinkedHashMap<>();

    static {
        ALGORITHMS.put("md5", "MD5");
        ALGORITHMS.put("sha1", "SHA-1");
        ALGORITHMS.put("sha224", "SHA-224");
        ALGORITHMS.put("sha256", "SHA-256");
        ALGORITHMS.put("sha384", "SHA-384");
        ALGORITHMS.put("sha512", "SHA-512");
        ALGORITHMS.put("sha3_224", "SHA3-224");
        ALGORITHMS.put("sha3_256", "SHA3-256");
        ALGORITHMS.put("sha3_384", "SHA3-384");
        ALGORITHMS.put("sha3_512", "SHA3-512");
    }

    Digest(String name, Object args) {
        super(name, args);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object args = Snippets.resolveRaw(args(), context);
        if (!(args instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw fail("Argument to function \"" + name() + "\" must be a list of strings");
        }
        if (list.size() != 2) {
            throw fail("Function \"" + name() + "\" usage: [\"<algorithm>\", \"<value>\"]");
        }
        String algorithm = ALGORITHMS.get(((String) list.get(0)).toLowerCase());
        if (algorithm == null) {
            throw fail("Algorithm must be one of {'" + String.join("', '", ALGORITHMS.keySet()) + "'}");
        }
        try {
            byte[] hash = MessageDigest.getInstance(algorithm)
                    .digest(((String) list.get(1)).getBytes(StandardCharsets.ISO_8859_1));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
