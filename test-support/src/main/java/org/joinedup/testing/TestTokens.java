package org.joinedup.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Real RS256-signed JWTs for tests, verified by quarkus-oidc against the public key this class
 * hands to the service's configuration. The key pair is made fresh in each test JVM: no key is
 * committed. Tokens look like the local Keycloak's: roles in {@code realm_access.roles}, the agency
 * in {@code agency_id}, the platform in {@code aud}.
 */
public final class TestTokens {
    public static final String ISSUER = "https://keycloak.test.joinedup/realms/joinedup";
    public static final String AUDIENCE = "joinedup";
    private static final String PRIVATE = "joinedup.test.jwt.private";
    private static final String PUBLIC = "joinedup.test.jwt.public";

    private TestTokens() {
    }

    /** The base64 X.509 public key, for {@code quarkus.oidc.public-key}. */
    public static String publicKey() {
        keys();
        return System.getProperty(PUBLIC);
    }

    /** A valid token for 5 minutes. */
    public static String token(String subject, String agencyId, String... roles) {
        return claims(subject, agencyId, roles).sign(privateKey());
    }

    /** Claims of a valid token, to be changed before signing (issuer, expiry, audience...). */
    public static JwtClaimsBuilder claims(String subject, String agencyId, String... roles) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("preferred_username", subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
        if (agencyId != null) {
            claims.claim("agency_id", agencyId);
        }
        return claims;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(privateKey());
    }

    /** A token signed by a key the service does not trust. */
    public static String signWithUntrustedKey(JwtClaimsBuilder claims) {
        return claims.sign(newKeyPair().getPrivate());
    }

    private static PrivateKey privateKey() {
        keys();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }

    private static void keys() {
        synchronized (System.class) {
            if (System.getProperty(PRIVATE) == null) {
                KeyPair pair = newKeyPair();
                System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            }
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
