package org.joinedup.referral.care.domain;

import org.joinedup.events.care.CareVocabulary;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of a child in need plan's stream ({@code child-in-need-plan-<planId>}); each says who acts and when. */
public sealed interface ChildInNeedCommand {

    /** The plan starts (after the assessment of the child in need, {@code referralId} when it followed one). */
    record Start(UUID planId, UUID childId, UUID referralId, String leadSocialWorker, String summary, Instant startedAt,
                 CareActor actor, Instant at) implements ChildInNeedCommand {
    }

    record Review(Instant heldAt, String summary, CareActor actor, Instant at) implements ChildInNeedCommand {
    }

    record End(CareVocabulary.ChildInNeedPlanEnd reason, String note, CareActor actor, Instant at) implements ChildInNeedCommand {
    }

    /** Time has passed (the sweep): a review that fell due with none recorded is recorded overdue, once. */
    record RecordOverdue(Instant at) implements ChildInNeedCommand {
    }
}
