package org.joinedup.referral.care.domain;

import org.joinedup.events.care.CareVocabulary;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of a looked-after episode's stream ({@code looked-after-<episodeId>}); each says who acts and when. */
public sealed interface LookedAfterCommand {

    record Start(UUID episodeId, UUID childId, CareVocabulary.LegalStatus legalStatus, Instant startedAt, CareActor actor,
                 Instant at) implements LookedAfterCommand {
    }

    record ChangeLegalStatus(CareVocabulary.LegalStatus legalStatus, Instant changedAt, CareActor actor, Instant at)
            implements LookedAfterCommand {
    }

    record End(CareVocabulary.LookedAfterEnd reason, String note, Instant endedAt, CareActor actor, Instant at)
            implements LookedAfterCommand {
    }

    /** Time has passed (the sweep): an emergency protection order that ran out is recorded, once. */
    record RecordOverdue(Instant at) implements LookedAfterCommand {
    }
}
