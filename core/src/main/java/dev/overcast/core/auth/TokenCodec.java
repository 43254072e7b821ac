package dev.overcast.core.auth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.core.JacksonException;

/**
 * Signs and checks tokens: a JWS (ES256) whose payload is the {@link AuthContext}. Checking
 * needs only the public keys and the in-memory {@link RevocationList}, never a database.
 * Signature checks are cached by token text; expiry and revocation are checked every time.
 */
public final class TokenCodec {
    private final SigningKeys keys;
    private final RevocationList revocations;
    private final Clock clock;
    private final Cache<String, AuthContext> verified;

    public TokenCodec(SigningKeys keys, RevocationList revocations, Clock clock) {
        this(keys, revocations, clock, 100_000);
    }

    /** @param cacheSize how many verified signatures to remember (0: check every time) */
    public TokenCodec(SigningKeys keys, RevocationList revocations, Clock clock, int cacheSize) {
        this.keys = keys;
        this.revocations = revocations;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(Duration.ofMinutes(10)).build();
    }

    public String sign(AuthContext context) {
        ECKey key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JOSE).build();
        JWSObject jws = new JWSObject(header, new Payload(Json.bytes(context)));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jws.serialize();
    }

    /** The context of a valid, unexpired, unrevoked token; a 401 otherwise. */
    public AuthContext verify(String token) {
        AuthContext context = verified.get(token, this::checkSignature);
        if (context == null) {
            throw invalid();
        }
        if (!clock.instant().isBefore(context.expiresAt())) {
            throw ApiException.unauthorized("The token has expired.");
        }
        if (revocations.isRevoked(context)) {
            throw ApiException.unauthorized("The token has been revoked.");
        }
        return context;
    }

    /** Null when the token is not ours or not intact (Caffeine does not cache nulls). */
    private AuthContext checkSignature(String token) {
        try {
            JWSObject jws = JWSObject.parse(token);
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                return null;
            }
            ECKey key = keys.verifyingKey(jws.getHeader().getKeyID());
            if (key == null || !jws.verify(new ECDSAVerifier(key.toECPublicKey()))) {
                return null;
            }
            return Json.mapper().readValue(jws.getPayload().toBytes(), AuthContext.class);
        } catch (ParseException | JOSEException | JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("The request you have made requires authentication.");
    }
}
