package org.joinedup.audit.measures;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShareDeclined;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
import org.joinedup.events.referral.AssessmentCompleted;
import org.joinedup.events.referral.ReferralClosed;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCancelled;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.AssessmentLinked;
import org.joinedup.events.team.MemberAdded;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.events.team.WellbeingLevel;
import org.joinedup.events.team.WellbeingRating;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Computes the partnership's measures from ledger events. Pure: given the events recorded by a moment
 * (in ledger order), an area and a period, the same answer every time; docs/measures.md defines each
 * measure by the events it counts. Dates are calendar days in England (Europe/London); the period is
 * inclusive at both ends.
 */
public final class PartnershipMeasures {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Parents and carers, counted together where a measure is by agency. */
    public static final String FAMILY = "parents-and-carers";
    private static final String SOCIAL_CARE = org.joinedup.events.directory.AgencyKind.CHILDRENS_SOCIAL_CARE.wireName();

    private final String area;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant start;
    private final Instant end;
    private final Instant asOf;

    private final Map<String, String[]> agencies = new HashMap<>(); // id -> {kind, area}
    private final Map<UUID, ReferralMade> referrals = new HashMap<>();
    private final Map<UUID, ReferralDecided> decided = new HashMap<>();
    private final Map<UUID, AssessmentCompleted> assessed = new HashMap<>();
    private final Map<UUID, ReferralClosed> closed = new HashMap<>();
    private final List<InformationShared> shares = new ArrayList<>();
    private final Map<UUID, Instant> acknowledged = new HashMap<>();
    private final List<InformationShareDeclined> declines = new ArrayList<>();
    private final Map<UUID, Team> teams = new LinkedHashMap<>();
    private final Map<UUID, UUID> teamOfChild = new HashMap<>();
    private final Map<UUID, Action> actions = new LinkedHashMap<>();
    private final Map<UUID, EarlyHelpAssessmentCompleted> earlyHelp = new HashMap<>();
    private final List<ConcernRaised> concerns = new ArrayList<>();
    private final Map<UUID, SharingAgreementActivated> agreements = new LinkedHashMap<>();
    private final Map<UUID, Instant> agreementEnded = new HashMap<>();
    private final ChildGroups children = new ChildGroups();
    /** Referrals to children's social care by child (linked records one), built once all events are taken. */
    private Map<UUID, List<ReferralMade>> toSocialCare;
    private final PathwayMeasures pathway;

    private PartnershipMeasures(String area, LocalDate from, LocalDate to, Instant asOf) {
        this.area = area;
        this.from = from;
        this.to = to;
        this.start = from.atStartOfDay(LONDON).toInstant();
        this.end = to.plusDays(1).atStartOfDay(LONDON).toInstant();
        this.asOf = asOf;
        this.pathway = new PathwayMeasures(this::inArea, new PathwayMeasures.Period(start, end, from, to, asOf));
    }

    /** One team as its events tell it, with the reviews on time and missed in the period counted as they come. */
    private static final class Team {
        final TeamAroundChildFormed formed;
        final Map<UUID, Member> members = new LinkedHashMap<>();
        final List<PlanReviewed> reviews = new ArrayList<>();
        final List<Set<String>> presentAtReview = new ArrayList<>();
        LocalDate due;
        UUID assessmentId;
        int reviewsInPeriod;
        int reviewsOnTime;
        int missedInPeriod;

        Team(TeamAroundChildFormed formed) {
            this.formed = formed;
            this.due = formed.firstReviewBy();
        }
    }

    private record Member(TeamMember member, Instant joinedAt, Instant leftAt) {
        String group() {
            return MemberKind.PARENT_CARER.wireName().equals(member.kind()) ? FAMILY : member.agencyId();
        }
    }

    private static final class Action {
        final ActionAgreed agreed;
        UUID owner;
        Instant completedAt;
        boolean cancelled;

        Action(ActionAgreed agreed) {
            this.agreed = agreed;
            this.owner = agreed.ownerMemberId();
        }
    }

    /**
     * The measures for {@code area} over {@code from}..{@code to} (inclusive), from {@code events}: those the
     * ledger had recorded by {@code asOf}, in ledger order.
     */
    public static Measures compute(List<? extends EventPayload> events, String area, LocalDate from, LocalDate to,
                                   Instant asOf) {
        PartnershipMeasures m = new PartnershipMeasures(area, from, to, asOf);
        events.forEach(m::take);
        return new Measures(area, from, to, asOf, m.referrals(), m.shares(), m.teams(), m.involvement(), m.wellbeing(),
                m.pathway.result(m.children));
    }

    private void take(EventPayload e) {
        if (e instanceof AgencyRegistered a) {
            agencies.put(a.agencyId(), new String[] {a.kind(), a.area()});
        } else if (e instanceof AgencyUpdated a) {
            agencies.put(a.agencyId(), new String[] {a.kind(), a.area()});
        } else if (e instanceof ReferralMade r) {
            referrals.put(r.referralId(), r);
        } else if (e instanceof ReferralDecided d) {
            decided.putIfAbsent(d.referralId(), d);
        } else if (e instanceof AssessmentCompleted a) {
            assessed.putIfAbsent(a.referralId(), a);
        } else if (e instanceof ReferralClosed c) {
            closed.putIfAbsent(c.referralId(), c);
        } else if (e instanceof InformationShared s) {
            shares.add(s);
        } else if (e instanceof InformationShareAcknowledged a) {
            acknowledged.putIfAbsent(a.shareId(), a.acknowledgedAt());
        } else if (e instanceof InformationShareDeclined d) {
            declines.add(d);
        } else if (e instanceof ConcernRaised c) {
            concerns.add(c);
        } else if (e instanceof SharingAgreementActivated a) {
            agreements.put(a.agreementId(), a);
        } else if (e instanceof SharingAgreementRevoked r) {
            agreementEnded.putIfAbsent(r.agreementId(), r.occurredAt());
        } else if (e instanceof SharingAgreementExpired x) {
            agreementEnded.putIfAbsent(x.agreementId(), x.occurredAt());
        } else if (e instanceof EarlyHelpAssessmentCompleted c) {
            earlyHelp.putIfAbsent(c.assessmentId(), c);
        } else if (e instanceof ChildRecordsLinked l) {
            children.take(l);
        } else if (e instanceof ChildRecordsUnlinked u) {
            children.take(u);
        } else {
            takeTeamEvent(e);
            pathway.take(e);
        }
    }

    private void takeTeamEvent(EventPayload e) {
        if (e instanceof TeamAroundChildFormed f) {
            Team t = new Team(f);
            f.members().forEach(m -> t.members.put(m.memberId(), new Member(m, f.formedAt(), null)));
            teams.put(f.teamId(), t);
            teamOfChild.putIfAbsent(f.childId(), f.teamId());
            return;
        }
        if (e instanceof ActionAgreed a) {
            actions.put(a.actionId(), new Action(a));
        } else if (e instanceof ActionReassigned r && actions.containsKey(r.actionId())) {
            actions.get(r.actionId()).owner = r.toMemberId();
        } else if (e instanceof ActionCompleted c && actions.containsKey(c.actionId())) {
            actions.get(c.actionId()).completedAt = c.completedAt();
        } else if (e instanceof ActionCancelled c && actions.containsKey(c.actionId())) {
            actions.get(c.actionId()).cancelled = true;
        }
        Team t = e instanceof MemberAdded a ? teams.get(a.teamId())
                : e instanceof MemberLeft l ? teams.get(l.teamId())
                : e instanceof PlanReviewed r ? teams.get(r.teamId())
                : e instanceof PlanReviewMissed m ? teams.get(m.teamId())
                : e instanceof AssessmentLinked l ? teams.get(l.teamId()) : null;
        if (t == null) {
            return;
        }
        if (e instanceof MemberAdded a) {
            t.members.put(a.member().memberId(), new Member(a.member(), a.addedAt(), null));
        } else if (e instanceof MemberLeft l && t.members.containsKey(l.memberId())) {
            Member m = t.members.get(l.memberId());
            t.members.put(l.memberId(), new Member(m.member(), m.joinedAt(), l.leftAt()));
        } else if (e instanceof PlanReviewed r) {
            t.reviews.add(r);
            Set<String> present = new HashSet<>();
            t.members.values().stream().filter(m -> m.leftAt() == null && m.group() != null).forEach(m -> present.add(m.group()));
            t.presentAtReview.add(present);
            if (inPeriod(r.heldOn())) {
                t.reviewsInPeriod++;
                if (t.due == null || !r.heldOn().isAfter(t.due)) {
                    t.reviewsOnTime++;
                }
            }
            t.due = r.nextReviewBy();
        } else if (e instanceof PlanReviewMissed m && inPeriod(m.dueBy())) {
            t.missedInPeriod++;
        } else if (e instanceof AssessmentLinked l) {
            t.assessmentId = l.assessmentId();
        }
    }

    // ---- referrals ----

    private Measures.Referrals referrals() {
        List<ReferralMade> cohort = referrals.values().stream()
                .filter(r -> inPeriod(r.madeAt()) && (inArea(r.fromAgency()) || inArea(r.toAgency())))
                .sorted(Comparator.comparing(ReferralMade::madeAt)).toList();
        Map<String, List<ReferralMade>> byAgency = new TreeMap<>();
        cohort.forEach(r -> byAgency.computeIfAbsent(r.fromAgency(), k -> new ArrayList<>()).add(r));
        List<Measures.ByReferringAgency> rows = byAgency.entrySet().stream().map(en -> new Measures.ByReferringAgency(
                en.getKey(), en.getValue().size(), decidedInTime(en.getValue()), assessedInTime(en.getValue()),
                reReferred(en.getValue()))).toList();
        return new Measures.Referrals(cohort.size(), decidedInTime(cohort), assessedInTime(cohort), reReferred(cohort), rows);
    }

    private Measures.Ratio decidedInTime(List<ReferralMade> cohort) {
        PathwayMeasures.Deadlines d = new PathwayMeasures.Deadlines(asOf);
        cohort.stream().filter(r -> r.decisionDueBy() != null).forEach(r -> d.add(
                decided.containsKey(r.referralId()) ? decided.get(r.referralId()).decidedAt() : null, r.decisionDueBy()));
        return d.ratio();
    }

    private Measures.Ratio assessedInTime(List<ReferralMade> cohort) {
        PathwayMeasures.Deadlines d = new PathwayMeasures.Deadlines(asOf);
        for (ReferralMade r : cohort) {
            ReferralDecided decision = decided.get(r.referralId());
            AssessmentCompleted a = assessed.get(r.referralId());
            if (decision == null || decision.assessmentDueBy() == null) {
                continue;
            }
            ReferralClosed c = closed.get(r.referralId());
            if (a == null && c != null && !c.closedAt().isAfter(asOf)) {
                d.abandoned(); // closed unassessed: an assessment called for and never done does not flatter the figure
            } else {
                d.add(a == null ? null : a.completedAt(), decision.assessmentDueBy());
            }
        }
        return d.ratio();
    }

    /**
     * Re-referrals as the children in need census counts them: of the referrals to children's social care in the
     * cohort, those of a child (linked records read as one) with another referral to children's social care in
     * the 12 months before.
     */
    private Measures.Ratio reReferred(List<ReferralMade> cohort) {
        if (toSocialCare == null) {
            toSocialCare = new HashMap<>();
            referrals.values().stream().filter(r -> SOCIAL_CARE.equals(kind(r.toAgency())))
                    .forEach(r -> toSocialCare.computeIfAbsent(children.child(r.childId()), k -> new ArrayList<>()).add(r));
        }
        int count = 0;
        int of = 0;
        for (ReferralMade r : cohort) {
            if (!SOCIAL_CARE.equals(kind(r.toAgency()))) {
                continue;
            }
            of++;
            Instant yearBefore = r.madeAt().atZone(LONDON).minusMonths(12).toInstant();
            boolean again = toSocialCare.getOrDefault(children.child(r.childId()), List.of()).stream()
                    .anyMatch(p -> !p.referralId().equals(r.referralId()) && p.madeAt().isBefore(r.madeAt())
                            && !p.madeAt().isBefore(yearBefore));
            count += again ? 1 : 0;
        }
        return Measures.Ratio.of(count, of);
    }

    // ---- shares ----

    private Measures.Shares shares() {
        List<InformationShared> cohort = shares.stream()
                .filter(s -> inPeriod(s.sharedAt()) && (inArea(s.fromAgency()) || inArea(s.toAgency()))).toList();
        List<Double> hours = new ArrayList<>();
        int acked = 0;
        for (InformationShared s : cohort) {
            Instant at = acknowledged.get(s.shareId());
            if (at != null) {
                acked++;
                hours.add(Duration.between(s.sharedAt(), at).toMinutes() / 60.0);
            }
        }
        List<InformationShareDeclined> declined = declines.stream()
                .filter(d -> inPeriod(d.decidedAt()) && (inArea(d.fromAgency()) || inArea(d.toAgency()))).toList();
        Map<String, Integer> reasons = new TreeMap<>();
        declined.forEach(d -> reasons.merge(d.reasons() == null ? "" : d.reasons().strip(), 1, Integer::sum));
        List<Measures.Reason> byReason = reasons.entrySet().stream()
                .map(en -> new Measures.Reason(en.getKey(), en.getValue()))
                .sorted(Comparator.comparingInt(Measures.Reason::count).reversed().thenComparing(Measures.Reason::reasons))
                .toList();
        int overrides = (int) cohort.stream().filter(InformationShared::override).count();
        return new Measures.Shares(cohort.size(), Measures.Ratio.of(acked, cohort.size()),
                new Measures.Hours(percentile(hours, 50), percentile(hours, 90)), declined.size(), byReason,
                Measures.Ratio.of(overrides, cohort.size()));
    }

    // ---- teams ----

    private boolean teamInArea(Team t) {
        return inArea(t.formed.formedByAgency()) || t.members.values().stream().anyMatch(m -> inArea(m.member().agencyId()));
    }

    private Measures.Teams teams() {
        List<Team> area = teams.values().stream().filter(this::teamInArea).toList();
        int formed = (int) area.stream().filter(t -> inPeriod(t.formed.formedAt())).count();
        return new Measures.Teams(formed, firstMeetings(area),
                Measures.Ratio.of(area.stream().mapToInt(t -> t.reviewsOnTime).sum(),
                        area.stream().mapToInt(t -> t.reviewsInPeriod).sum()),
                area.stream().mapToInt(t -> t.missedInPeriod).sum(), actionsOnTime(area), attendance(area));
    }

    private Measures.FirstMeeting firstMeetings(List<Team> area) {
        int teamsCounted = 0;
        int waiting = 0;
        List<Double> days = new ArrayList<>();
        for (Team t : area) {
            EarlyHelpAssessmentCompleted c = t.assessmentId == null ? null : earlyHelp.get(t.assessmentId);
            if (c == null || !inPeriod(c.completedAt())) {
                continue;
            }
            teamsCounted++;
            LocalDate assessedOn = date(c.completedAt());
            LocalDate first = t.reviews.stream().map(PlanReviewed::heldOn).filter(d -> !d.isBefore(assessedOn))
                    .min(Comparator.naturalOrder()).orElse(null);
            if (first == null) {
                waiting++;
            } else {
                days.add((double) ChronoUnit.DAYS.between(assessedOn, first));
            }
        }
        return new Measures.FirstMeeting(teamsCounted, days.size(), percentile(days, 50), waiting);
    }

    private List<Measures.ByAgency> actionsOnTime(List<Team> area) {
        Set<UUID> areaTeams = new HashSet<>();
        area.forEach(t -> areaTeams.add(t.formed.teamId()));
        Map<String, PathwayMeasures.Deadlines> by = new TreeMap<>(FAMILY_LAST);
        for (Action a : actions.values()) {
            Team t = teams.get(a.agreed.teamId());
            if (t == null || !areaTeams.contains(t.formed.teamId()) || !inPeriod(a.agreed.dueOn()) || a.cancelled) {
                continue;
            }
            Member owner = t.members.get(a.owner);
            String group = owner == null || owner.group() == null ? "unknown" : owner.group();
            // Due by the end of its day in England.
            by.computeIfAbsent(group, k -> new PathwayMeasures.Deadlines(asOf)).add(a.completedAt,
                    a.agreed.dueOn().plusDays(1).atStartOfDay(LONDON).toInstant().minusNanos(1));
        }
        return by.entrySet().stream().map(en -> new Measures.ByAgency(en.getKey(), en.getValue().ratio())).toList();
    }

    private List<Measures.ByAgency> attendance(List<Team> area) {
        Map<String, int[]> by = new TreeMap<>(FAMILY_LAST);
        for (Team t : area) {
            for (int i = 0; i < t.reviews.size(); i++) {
                PlanReviewed r = t.reviews.get(i);
                if (!inPeriod(r.heldOn())) {
                    continue;
                }
                Set<String> attended = new HashSet<>();
                r.attendees().forEach(id -> {
                    Member m = t.members.get(id);
                    if (m != null && m.group() != null) {
                        attended.add(m.group());
                    }
                });
                for (String group : t.presentAtReview.get(i)) {
                    int[] c = by.computeIfAbsent(group, k -> new int[2]);
                    c[1]++;
                    c[0] += attended.contains(group) ? 1 : 0;
                }
            }
        }
        return by.entrySet().stream().map(en -> new Measures.ByAgency(en.getKey(),
                Measures.Ratio.of(en.getValue()[0], en.getValue()[1]))).toList();
    }

    // ---- involvement ----

    private Measures.Involvement involvement() {
        Map<String, Integer> raised = new TreeMap<>();
        Map<String, Set<UUID>> children = new TreeMap<>();
        for (ConcernRaised c : concerns) {
            if (!inPeriod(c.occurredAt()) || !inArea(c.agencyId())) {
                continue;
            }
            String kind = kind(c.agencyId());
            raised.merge(kind, 1, Integer::sum);
            children.computeIfAbsent(kind, k -> new HashSet<>()).add(c.childId());
        }
        List<Measures.AgencyKind> kinds = new ArrayList<>();
        raised.forEach((kind, n) -> {
            int withTeam = 0;
            int inTeam = 0;
            for (UUID child : children.get(kind)) {
                UUID teamId = teamOfChild.get(child);
                if (teamId == null) {
                    continue;
                }
                withTeam++;
                boolean present = teams.get(teamId).members.values().stream().anyMatch(m -> m.member().agencyId() != null
                        && kind.equals(kind(m.member().agencyId())));
                inTeam += present ? 1 : 0;
            }
            kinds.add(new Measures.AgencyKind(kind, n, Measures.Ratio.of(inTeam, withTeam)));
        });
        Map<UUID, List<InformationShared>> byAgreement = new HashMap<>();
        shares.stream().filter(x -> x.agreementId() != null && inPeriod(x.sharedAt()))
                .forEach(x -> byAgreement.computeIfAbsent(x.agreementId(), k -> new ArrayList<>()).add(x));
        List<Measures.Agreement> never = new ArrayList<>();
        List<Measures.Agreement> unreviewed = new ArrayList<>();
        for (SharingAgreementActivated a : agreements.values()) {
            var terms = a.terms();
            Instant ended = agreementEnded.get(a.agreementId());
            boolean inForce = terms.parties().stream().anyMatch(this::inArea)
                    && (terms.validFrom() == null || !terms.validFrom().isAfter(to))
                    && (terms.validTo() == null || !terms.validTo().isBefore(from))
                    && (ended == null || ended.isAfter(start));
            if (!inForce) {
                continue;
            }
            List<InformationShared> used = byAgreement.getOrDefault(a.agreementId(), List.of());
            int late = terms.reviewDate() == null ? 0
                    : (int) used.stream().filter(s -> date(s.sharedAt()).isAfter(terms.reviewDate())).count();
            Measures.Agreement row = new Measures.Agreement(a.agreementId(), terms.title(), terms.reviewDate(), used.size(), late);
            if (used.isEmpty()) {
                never.add(row);
            }
            if (late > 0) {
                unreviewed.add(row);
            }
        }
        return new Measures.Involvement(kinds, never, unreviewed);
    }

    // ---- wellbeing ----

    /**
     * Teams with two or more rated reviews, the latest in the period: each indicator rated in both the first and the
     * latest compared on its own (no averaging). A team improved when some indicator rose and none fell; worse when
     * some fell and none rose, or when {@code safe} fell whatever else rose; mixed otherwise when some rose and some
     * fell. A team with no indicator rated in both is not counted.
     */
    private Measures.Wellbeing wellbeing() {
        int rated = 0;
        int improved = 0;
        int unchanged = 0;
        int worse = 0;
        int mixed = 0;
        Map<String, int[]> byIndicator = new TreeMap<>(SAFE_FIRST);
        for (Team t : teams.values()) {
            if (!teamInArea(t)) {
                continue;
            }
            List<PlanReviewed> withRatings = t.reviews.stream().filter(r -> !r.wellbeing().isEmpty() && !r.heldOn().isAfter(to))
                    .sorted(Comparator.comparing(PlanReviewed::heldOn).thenComparing(PlanReviewed::recordedAt)).toList();
            if (withRatings.size() < 2 || !inPeriod(withRatings.get(withRatings.size() - 1).heldOn())) {
                continue;
            }
            Map<String, Integer> first = scores(withRatings.get(0));
            Map<String, Integer> latest = scores(withRatings.get(withRatings.size() - 1));
            int rose = 0;
            int fell = 0;
            int compared = 0;
            boolean safeFell = false;
            for (String indicator : first.keySet()) {
                if (!latest.containsKey(indicator)) {
                    continue;
                }
                compared++;
                int change = Integer.compare(latest.get(indicator), first.get(indicator));
                int[] c = byIndicator.computeIfAbsent(indicator, k -> new int[3]);
                c[change + 1]++; // worse, unchanged, improved
                rose += change > 0 ? 1 : 0;
                fell += change < 0 ? 1 : 0;
                safeFell |= change < 0 && SAFE.equals(indicator);
            }
            if (compared == 0) {
                continue;
            }
            rated++;
            if (safeFell || (fell > 0 && rose == 0)) {
                worse++;
            } else if (rose > 0 && fell == 0) {
                improved++;
            } else if (rose > 0) {
                mixed++;
            } else {
                unchanged++;
            }
        }
        List<Measures.IndicatorChange> changes = byIndicator.entrySet().stream().map(en -> new Measures.IndicatorChange(
                en.getKey(), en.getValue()[0] + en.getValue()[1] + en.getValue()[2], en.getValue()[2], en.getValue()[1],
                en.getValue()[0])).toList();
        Measures.IndicatorChange safe = changes.stream().filter(c -> SAFE.equals(c.indicator())).findFirst()
                .orElse(new Measures.IndicatorChange(SAFE, 0, 0, 0, 0));
        return new Measures.Wellbeing(rated, Measures.Ratio.of(improved, rated), unchanged, worse, mixed, safe, changes);
    }

    private static final String SAFE = "safe";
    private static final Comparator<String> SAFE_FIRST = Comparator.comparing((String s) -> !s.equals(SAFE))
            .thenComparing(Comparator.naturalOrder());

    private static Map<String, Integer> scores(PlanReviewed r) {
        Map<String, Integer> scores = new HashMap<>();
        for (WellbeingRating w : r.wellbeing()) {
            WellbeingLevel.fromWireName(w.level()).ifPresent(l -> scores.put(w.indicator(), l.score()));
        }
        return scores;
    }

    // ---- helpers ----

    private static final Comparator<String> FAMILY_LAST = Comparator.comparing((String s) -> s.equals(FAMILY))
            .thenComparing(Comparator.naturalOrder());

    private boolean inArea(String agencyId) {
        String[] a = agencyId == null ? null : agencies.get(agencyId);
        return a != null && a[1] != null && a[1].equalsIgnoreCase(area);
    }

    private String kind(String agencyId) {
        String[] a = agencies.get(agencyId);
        return a == null || a[0] == null ? "unknown" : a[0];
    }

    private boolean inPeriod(Instant t) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }

    private boolean inPeriod(LocalDate d) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    private static LocalDate date(Instant t) {
        return t.atZone(LONDON).toLocalDate();
    }

    /** The nearest-rank percentile, to one decimal place; 0 for no values. */
    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Math.round(sorted.get(Math.max(rank, 1) - 1) * 10) / 10.0;
    }

    /**
     * Every event type a measure reads (the ledger query asks for these only). The pathway's are read whole but for
     * contacts (one per concern: the 13 months before the period will do), since a plan ended up to two years
     * before a new one makes it a second plan.
     */
    public static final List<String> TYPES = List.of("agency-registered", "agency-updated", "referral-made", "referral-decided",
            "assessment-completed", "referral-closed", "information-shared", "information-share-acknowledged",
            "information-share-declined", "concern-raised", "sharing-agreement-activated", "sharing-agreement-revoked",
            "sharing-agreement-expired", "early-help-assessment-completed", "team-around-child-formed", "member-added",
            "member-left", "action-agreed", "action-reassigned", "action-completed", "action-cancelled", "plan-reviewed",
            "plan-review-missed", "team-assessment-linked", "child-records-linked", "child-records-unlinked",
            "contact-received", "triage-decided", "strategy-discussion-recorded", "section-47-enquiry-concluded",
            "initial-child-protection-conference-held", "core-group-met", "review-conference-held",
            "child-protection-plan-ended", "child-protection-clock-overdue");

    /** The types read whatever the period (the directory, agreements, teams and their assessments). */
    public static final List<String> WHOLE_HISTORY = List.of("agency-registered", "agency-updated",
            "sharing-agreement-activated", "sharing-agreement-revoked", "sharing-agreement-expired",
            "early-help-assessment-completed", "team-around-child-formed", "member-added", "member-left", "action-agreed",
            "action-reassigned", "action-completed", "action-cancelled", "plan-reviewed", "plan-review-missed",
            "team-assessment-linked", "child-records-linked", "child-records-unlinked", "strategy-discussion-recorded",
            "section-47-enquiry-concluded", "initial-child-protection-conference-held", "core-group-met",
            "review-conference-held", "child-protection-plan-ended", "child-protection-clock-overdue");
}
