package org.joinedup.events.concern;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code information-shared} v1: one agency passed information about a child to another, for a
 * purpose, on a lawful basis, under an agreement, or, by a safeguarding lead, as an override with a
 * written justification when no agreement covered it.
 *
 * @param concernIds    the concerns shared (may be empty when only a note was shared)
 * @param note          information that is not a recorded concern (optional)
 * @param agreementId   the agreement that allowed it; null for an override
 * @param override      true when shared without a covering agreement
 * @param justification why the override was necessary (overrides only)
 */
public record InformationShared(UUID shareId, UUID childId, String fromAgency, String toAgency,
                                List<UUID> concernIds, String note, String purpose, String lawfulBasis,
                                Consent consent, UUID agreementId, boolean override, String justification,
                                String sharedBy, Instant sharedAt) implements ShareEvent {
    public InformationShared {
        concernIds = concernIds == null ? List.of() : List.copyOf(concernIds);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return sharedAt;
    }
}
