package org.joinedup.events.access;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code emergency-access-granted} v1: break-glass. A safeguarding lead opened a child's whole
 * picture without the relationship that would normally allow it, giving a written justification. It
 * lasts until {@code expiresAt}; every agency whose records it opens is told (an entry in its inbox),
 * and every read made under it is recorded with the basis {@code emergency-access}.
 *
 * @param agencyId         the lead's agency
 * @param grantedTo        the lead (token subject): the grant is theirs alone, not their agency's
 * @param justification    the urgent risk that made it necessary, in the lead's words
 * @param notifiedAgencies the agencies holding records about the child when it was granted, who are told
 */
public record EmergencyAccessGranted(UUID grantId, UUID childId, String agencyId, String grantedTo,
                                     String justification, Instant grantedAt, Instant expiresAt,
                                     List<String> notifiedAgencies) implements EmergencyAccessEvent {
    public EmergencyAccessGranted {
        notifiedAgencies = notifiedAgencies == null ? List.of() : List.copyOf(notifiedAgencies);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return grantedAt;
    }
}
