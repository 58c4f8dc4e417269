package org.joinedup.referral.protection;

import org.joinedup.events.protection.Attendance;
import org.joinedup.events.protection.ChildProtectionPlanEnded;
import org.joinedup.events.protection.CoreGroupMet;
import org.joinedup.events.protection.EnquiryConcluded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ReviewConferenceHeld;
import org.joinedup.events.protection.StrategyDiscussionRecorded;
import org.joinedup.referral.protection.domain.ChildProtectionState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A child protection episode as its local authority reads it: each step as recorded, the stage it is at,
 * the plan's categories and lead social worker, and the deadlines now running.
 */
public record ChildProtectionView(UUID episodeId, UUID childId, String localAuthority, String stage, List<String> categories,
                                  String leadSocialWorker, Instant planSince, Strategy strategyDiscussion, Enquiry enquiry,
                                  Conference initialConference, List<Meeting> coreGroups, List<Review> reviewConferences,
                                  Ended ended, Instant conferenceDueBy, Instant coreGroupDueBy, LocalDate nextReviewDueBy,
                                  List<String> overdue, int version, String visibility) {

    public record Strategy(Instant heldAt, List<Attendance> attendance, String decision, String reason, UUID triageId,
                           String recordedBy, Instant recordedAt) {
    }

    public record Enquiry(String outcome, String summary, String concludedBy, Instant concludedAt) {
    }

    public record Conference(Instant heldAt, List<String> agencies, boolean parentsAttended, boolean childAttended,
                             String decision, String recordedBy) {
    }

    public record Meeting(Instant heldAt, List<String> agencies, String recordedBy) {
    }

    public record Review(Instant heldAt, String decision, List<String> categories, LocalDate nextReviewDueBy,
                         String recordedBy) {
    }

    public record Ended(String reason, String note, Instant endedAt, String recordedBy) {
    }

    public static ChildProtectionView of(ChildProtectionState.Episode e) {
        StrategyDiscussionRecorded s = e.strategy();
        EnquiryConcluded q = e.enquiry();
        InitialConferenceHeld c = e.conference();
        ChildProtectionPlanEnded end = e.ended();
        return new ChildProtectionView(e.episodeId(), e.childId(), e.localAuthority(), e.stage().wireName(), e.categories(),
                c == null ? null : c.leadSocialWorker(), e.planSince(),
                new Strategy(s.heldAt(), s.attendance(), s.decision(), s.reason(), s.triageId(), s.recordedBy(), s.recordedAt()),
                q == null ? null : new Enquiry(q.outcome(), q.summary(), q.concludedBy(), q.concludedAt()),
                c == null ? null : new Conference(c.heldAt(), c.agencies(), c.parentsAttended(), c.childAttended(), c.decision(),
                        c.recordedBy()),
                e.coreGroups().stream().map((CoreGroupMet g) -> new Meeting(g.heldAt(), g.agencies(), g.recordedBy())).toList(),
                e.reviews().stream().map((ReviewConferenceHeld r) -> new Review(r.heldAt(), r.decision(), r.categories(),
                        r.nextReviewDueBy(), r.recordedBy())).toList(),
                end == null ? null : new Ended(end.reason(), end.note(), end.endedAt(), end.recordedBy()),
                e.stage() == ChildProtectionState.Stage.AWAITING_CONFERENCE ? q.conferenceDueBy() : null,
                e.stage() == ChildProtectionState.Stage.PLAN && e.coreGroups().isEmpty() ? c.coreGroupDueBy() : null,
                e.nextReviewDueBy(), e.overdueRecorded().stream().sorted().toList(), e.version(), "full");
    }
}
