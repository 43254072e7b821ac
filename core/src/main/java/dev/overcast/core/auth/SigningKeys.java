package dev.overcast.core.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The ES256 key pairs tokens are signed with, as JWK files in a key directory (mode 0600).
 * The newest key signs; every key verifies, so a key can be rotated in without invalidating
 * tokens signed by the previous one. Services that only verify need only the public halves.
 */
public final class SigningKeys {
    private final ECKey signing;
    private final Map<String, ECKey> verifying;

    private SigningKeys(List<ECKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        this.signing = keys.getLast();
        this.verifying = keys.stream().collect(Collectors.toUnmodifiableMap(ECKey::getKeyID, Function.identity()));
    }

    /** Reads every {@code *.jwk} in {@code dir}, creating the directory and a first key if there is none. */
    public static SigningKeys loadOrCreate(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
            List<ECKey> keys = read(dir);
            if (keys.isEmpty()) {
                ECKey key = generate(clock);
                Path file = dir.resolve(key.getKeyID() + ".jwk");
                Files.writeString(file, key.toJSONString());
                restrict(file);
                keys = List.of(key);
            }
            return new SigningKeys(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write token keys in " + dir, e);
        }
    }

    /** A fresh in-memory key, for tests and benchmarks. */
    public static SigningKeys ephemeral(Clock clock) {
        return new SigningKeys(List.of(generate(clock)));
    }

    ECKey signingKey() {
        return signing;
    }

    ECKey verifyingKey(String keyId) {
        return keyId == null ? null : verifying.get(keyId);
    }

    private static List<ECKey> read(Path dir) throws IOException {
        List<ECKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jwk")).sorted().toList()) {
                try {
                    keys.add(ECKey.parse(Files.readString(file)));
                } catch (ParseException e) {
                    throw new IllegalStateException("token key file " + file + " is not an EC JWK: " + e.getMessage());
                }
            }
        }
        // Key ids start with the creation time, so the newest sorts last.
        keys.sort(Comparator.comparing(ECKey::getKeyID));
        return keys;
    }

    private static ECKey generate(Clock clock) {
        try {
            String id = String.format("%013d-%s", clock.millis(), java.util.UUID.randomUUID().toString().substring(0, 8));
            return new ECKeyGenerator(Curve.P_256).keyID(id).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the directory's own permissions apply.
        }
    }
}
