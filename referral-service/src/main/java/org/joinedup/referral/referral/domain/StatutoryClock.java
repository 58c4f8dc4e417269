package org.joinedup.referral.referral.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One statutory clock of a referral, as its events and the current time say.
 *
 * @param clock      {@code decision}, {@code assessment} or {@code conference}
 * @param dueBy      when it runs out
 * @param metAt      when what it waits for happened (null while waiting)
 * @param stoppedAt  when the referral was closed while it was still waiting (null otherwise)
 * @param overdueAt  when the overdue event was emitted (null when it was not)
 */
public record StatutoryClock(String clock, Instant dueBy, Instant metAt, Instant stoppedAt, Instant overdueAt) {
    public static final String DECISION = "decision";
    public static final String ASSESSMENT = "assessment";
    public static final String CONFERENCE = "conference";

    /** running, overdue, met, met-late or stopped, at {@code now}. */
    public String status(Instant now) {
        if (metAt != null) {
            return metAt.isBefore(dueBy) ? "met" : "met-late";
        }
        if (stoppedAt != null) {
            return "stopped";
        }
        return now.isBefore(dueBy) ? "running" : "overdue";
    }

    /** Still waiting, with no overdue event yet. */
    public boolean pending() {
        return metAt == null && stoppedAt == null && overdueAt == null;
    }

    /** The clocks a referral has run so far: decision always; assessment and conference once they start. */
    public static List<StatutoryClock> of(ReferralState.Referral s) {
        List<StatutoryClock> clocks = new ArrayList<>();
        Instant closedAt = s.closed() == null ? null : s.closed().closedAt();
        clocks.add(new StatutoryClock(DECISION, s.made().decisionDueBy(),
                s.decided() == null ? null : s.decided().decidedAt(), s.decided() == null ? closedAt : null,
                s.decisionOverdue() == null ? null : s.decisionOverdue().detectedAt()));
        if (s.decided() != null && s.decided().assessmentDueBy() != null) {
            Instant met = s.assessment() == null ? null : s.assessment().completedAt();
            clocks.add(new StatutoryClock(ASSESSMENT, s.decided().assessmentDueBy(), met, met == null ? closedAt : null,
                    s.assessmentOverdue() == null ? null : s.assessmentOverdue().detectedAt()));
        }
        if (s.strategyDiscussion() != null) {
            Instant met = s.conference() == null ? null : s.conference().heldAt();
            clocks.add(new StatutoryClock(CONFERENCE, s.strategyDiscussion().conferenceDueBy(), met,
                    met == null ? closedAt : null, s.conferenceOverdue() == null ? null : s.conferenceOverdue().detectedAt()));
        }
        return clocks;
    }
}
