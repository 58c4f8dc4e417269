package org.joinedup.referral.protection.domain;

import org.joinedup.events.protection.Attendance;
import org.joinedup.events.protection.ProtectionVocabulary.EnquiryOutcome;
import org.joinedup.events.protection.ProtectionVocabulary.PlanCategory;
import org.joinedup.events.protection.ProtectionVocabulary.PlanEnd;
import org.joinedup.events.protection.ProtectionVocabulary.StrategyDecision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What may be asked of a child protection episode ({@code child-protection-<episodeId>}). Each is the
 * local authority's: {@code agency} acting as {@code actor}, and {@code statutoryDuty} whether that agency
 * is children's social care.
 */
public sealed interface ChildProtectionCommand {

    /** Who acts: the agency (and whether it is children's social care) and the person. */
    record Actor(String agency, boolean statutoryDuty, String person) {
    }

    /** A strategy discussion: when, who took part and what each brought, what it decided and why. Opens the episode. */
    record RecordStrategyDiscussion(UUID episodeId, UUID childId, UUID triageId, Instant heldAt, List<Attendance> attendance,
                                    StrategyDecision decision, String reason, Actor actor, Instant at)
            implements ChildProtectionCommand {
        public RecordStrategyDiscussion {
            attendance = List.copyOf(attendance);
        }
    }

    /** The section 47 enquiry's outcome. */
    record ConcludeEnquiry(EnquiryOutcome outcome, String summary, Actor actor, Instant at) implements ChildProtectionCommand {
    }

    /**
     * The initial child protection conference: who attended, and a plan (its categories and lead social worker)
     * or none ({@code categories} empty).
     */
    record HoldInitialConference(Instant heldAt, List<String> agencies, boolean parentsAttended, boolean childAttended,
                                 List<PlanCategory> categories, String leadSocialWorker, Actor actor, Instant at)
            implements ChildProtectionCommand {
        public HoldInitialConference {
            agencies = List.copyOf(agencies);
            categories = List.copyOf(categories);
        }
    }

    record RecordCoreGroup(Instant heldAt, List<String> agencies, Actor actor, Instant at) implements ChildProtectionCommand {
        public RecordCoreGroup {
            agencies = List.copyOf(agencies);
        }
    }

    /** A review conference: continue the plan (under these categories) or end it ({@code endPlan}). */
    record HoldReviewConference(Instant heldAt, boolean endPlan, List<PlanCategory> categories, Actor actor, Instant at)
            implements ChildProtectionCommand {
        public HoldReviewConference {
            categories = List.copyOf(categories);
        }
    }

    /** The plan ends without a review conference: the child moved to another area, or turned 18. */
    record EndPlan(PlanEnd reason, String note, Actor actor, Instant at) implements ChildProtectionCommand {
    }

    /** Time has passed (the sweep): record each clock that ran out with nothing recorded, once. */
    record RecordOverdue(Instant at) implements ChildProtectionCommand {
    }
}
