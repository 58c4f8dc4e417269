package org.joinedup.referral.care.domain;

import org.joinedup.events.care.CareVocabulary;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of a police protection's stream ({@code police-protection-<protectionId>}). */
public sealed interface PoliceProtectionCommand {

    /** {@code localAuthority}: the child's front door, told at once (null when the platform knows none). */
    record Start(UUID protectionId, UUID childId, String localAuthority, Instant takenAt, String reason,
                 String designatedOfficer, CareActor actor, Instant at) implements PoliceProtectionCommand {
    }

    record End(CareVocabulary.PoliceProtectionOutcome outcome, String note, Instant endedAt, CareActor actor, Instant at)
            implements PoliceProtectionCommand {
    }

    /** Time has passed (the sweep): 72 hours with no end recorded is recorded, once. */
    record RecordOverdue(Instant at) implements PoliceProtectionCommand {
    }
}
