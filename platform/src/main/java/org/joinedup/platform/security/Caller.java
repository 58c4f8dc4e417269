package org.joinedup.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.joinedup.platform.http.ProblemException;

import java.util.Optional;

/**
 * Who is calling, as the verified token says: subject, roles and the agency acted for. The agency
 * always comes from here, never from a request body.
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    }

    public Optional<String> agencyId() {
        Object claim = token.getClaim(Roles.AGENCY_CLAIM);
        String value = claim == null ? null : claim.toString().replace("\"", "").trim();
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The caller's agency; 403 when the token is not bound to one. */
    public String requireAgency() {
        return agencyId().orElseThrow(() -> ProblemException.forbidden(
                "the token carries no '" + Roles.AGENCY_CLAIM + "' claim, so it cannot act for an agency"));
    }

    /** What every event this caller causes records: who, for which agency, in which request chain. */
    public org.joinedup.platform.store.EventMetadata eventMetadata(String correlationHeader) {
        return new org.joinedup.platform.store.EventMetadata(subject(), agencyId().orElse(null),
                org.joinedup.platform.http.Correlation.from(correlationHeader), null);
    }

    /** When the caller's token expires (a stream opened with it ends then); empty for a token without {@code exp}. */
    public Optional<java.time.Instant> expiresAt() {
        long exp = token.getExpirationTime();
        return exp <= 0 ? Optional.empty() : Optional.of(java.time.Instant.ofEpochSecond(exp));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
