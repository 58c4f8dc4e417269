package org.joinedup.referral.care;

import org.joinedup.events.care.ChildInNeedPlanReviewed;
import org.joinedup.referral.care.domain.ChildInNeedState;
import org.joinedup.referral.care.domain.LookedAfterState;
import org.joinedup.referral.care.domain.PoliceProtectionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A child in need plan, a looked-after episode or a police protection, as the agency holding it reads it:
 * {@code kind}, whether it is {@code open} or {@code ended}, the legal status (looked after), the lead social
 * worker (a plan), the deadline now running ({@code dueBy}, for {@code dueFor}: {@code review},
 * {@code order-expiry} or {@code end-of-72-hours}) and every step as recorded.
 */
public record CareEpisodeView(UUID id, String kind, UUID childId, String localAuthority, String policeAgency, String status,
                              String legalStatus, String leadSocialWorker, Instant startedAt, Ended ended, Instant dueBy,
                              String dueFor, List<Step> steps, int version, String visibility) {
    public static final String CHILD_IN_NEED_PLAN = "child-in-need-plan";
    public static final String LOOKED_AFTER = "looked-after";
    public static final String POLICE_PROTECTION = "police-protection";

    /** One step: what, when it happened, who recorded it, and what they wrote. */
    public record Step(String type, Instant at, String by, String detail) {
    }

    public record Ended(String reason, String note, Instant endedAt, String recordedBy) {
    }

    public static CareEpisodeView of(ChildInNeedState.Plan p) {
        var s = p.started();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("child-in-need-plan-started", s.startedAt(), s.recordedBy(), s.summary()));
        for (ChildInNeedPlanReviewed r : p.reviews()) {
            steps.add(new Step("child-in-need-plan-reviewed", r.heldAt(), r.recordedBy(), r.summary()));
        }
        p.overdueRecorded().stream().sorted().forEach(due -> steps.add(new Step("child-in-need-review-overdue", due, null, null)));
        var e = p.ended();
        if (e != null) {
            steps.add(new Step("child-in-need-plan-ended", e.endedAt(), e.recordedBy(), e.reason()));
        }
        return new CareEpisodeView(s.planId(), CHILD_IN_NEED_PLAN, s.childId(), s.localAuthority(), null,
                p.open() ? "open" : "ended", null, s.leadSocialWorker(), s.startedAt(),
                e == null ? null : new Ended(e.reason(), e.note(), e.endedAt(), e.recordedBy()),
                p.open() ? p.reviewDueBy() : null, p.open() ? "review" : null, sorted(steps), p.version(), "full");
    }

    public static CareEpisodeView of(LookedAfterState.Episode l) {
        var s = l.started();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < l.periods().size(); i++) {
            var period = l.periods().get(i);
            steps.add(new Step(i == 0 ? "looked-after-started" : "looked-after-legal-status-changed", period.since(),
                    period.recordedBy(), period.legalStatus()));
        }
        if (l.expiryRecorded()) {
            steps.add(new Step("emergency-protection-order-expired", l.current().orderExpiresAt(), null, null));
        }
        var e = l.ended();
        if (e != null) {
            steps.add(new Step("looked-after-ended", e.endedAt(), e.recordedBy(), e.reason()));
        }
        Instant expiry = l.pendingExpiry();
        return new CareEpisodeView(s.episodeId(), LOOKED_AFTER, s.childId(), s.localAuthority(), null,
                l.open() ? "open" : "ended", l.current().legalStatus(), null, s.startedAt(),
                e == null ? null : new Ended(e.reason(), e.note(), e.endedAt(), e.recordedBy()), expiry,
                expiry == null ? null : "order-expiry", sorted(steps), l.version(), "full");
    }

    public static CareEpisodeView of(PoliceProtectionState.Protection p) {
        var s = p.started();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("police-protection-started", s.takenAt(), s.recordedBy(), s.reason()));
        if (p.overdue() != null) {
            steps.add(new Step("police-protection-overdue", p.overdue().endsBy(), null, null));
        }
        var e = p.ended();
        if (e != null) {
            steps.add(new Step("police-protection-ended", e.endedAt(), e.recordedBy(), e.outcome()));
        }
        return new CareEpisodeView(s.protectionId(), POLICE_PROTECTION, s.childId(), s.localAuthority(), s.policeAgency(),
                p.open() ? "open" : "ended", null, null, s.takenAt(),
                e == null ? null : new Ended(e.outcome(), e.note(), e.endedAt(), e.recordedBy()),
                p.open() ? s.endsBy() : null, p.open() ? "end-of-72-hours" : null, sorted(steps), p.version(), "full");
    }

    private static List<Step> sorted(List<Step> steps) {
        return steps.stream().sorted(java.util.Comparator.comparing(Step::at)).toList();
    }
}
