package org.joinedup.events.frontdoor;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code contact-received} v1: something about a child reached its front door's triage queue: a concern
 * recorded by an agency ({@code source: concern}) or a referral made to the front door
 * ({@code source: referral}). Contacts about one child that arrive before the front door decides join one
 * item. Carries identifiers and the risk only, never the concern's description.
 *
 * @param triageId      the item of the queue (its stream is {@code triage-<id>})
 * @param frontDoor     the children's social care agency whose queue it is
 * @param source        {@code concern} or {@code referral}
 * @param sourceId      the concern's or the referral's id
 * @param fromAgency    the agency that raised the concern or made the referral
 * @param riskLevel     the concern's risk level ({@code RiskLevel} wire name), or the referral's urgency
 * @param decisionDueBy when the front door's decision on the item falls due: one working day from its first contact
 */
public record ContactReceived(UUID triageId, UUID childId, String frontDoor, String source, UUID sourceId, String fromAgency,
                              String riskLevel, Instant receivedAt, Instant decisionDueBy) implements TriageEvent {
    public static final String CONCERN = "concern";
    public static final String REFERRAL = "referral";

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return receivedAt;
    }
}
