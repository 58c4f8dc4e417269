package org.joinedup.audit.measures;

import org.joinedup.events.EventPayload;
import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.frontdoor.TriageDecided;
import org.joinedup.events.protection.ChildProtectionClockOverdue;
import org.joinedup.events.protection.ChildProtectionPlanEnded;
import org.joinedup.events.protection.CoreGroupMet;
import org.joinedup.events.protection.EnquiryConcluded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ReviewConferenceHeld;
import org.joinedup.events.protection.StrategyDiscussionRecorded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The national measures of the statutory pathway (docs/measures.md): contacts decided within one working
 * day, strategy discussion to initial conference within 15 working days, core groups within 10, review
 * conferences on time, plans by category, and second or subsequent plans within two years of the last one
 * ending. Pure: fed the ledger's events in order, answers for one area and period as of a moment.
 */
final class PathwayMeasures {
    static final String MULTIPLE = "multiple";

    private final Predicate<String> inArea;
    private final Period period;
    private final List<ContactReceived> contacts = new ArrayList<>();
    private final Map<UUID, Instant> decidedAt = new HashMap<>();
    private final Map<UUID, Episode> episodes = new LinkedHashMap<>();

    /** The period's bounds and the moment the measures are read as of. */
    record Period(Instant start, Instant end, LocalDate from, LocalDate to, Instant asOf) {
        boolean holds(Instant t) {
            return t != null && !t.isBefore(start) && t.isBefore(end);
        }

        boolean holds(LocalDate d) {
            return d != null && !d.isBefore(from) && !d.isAfter(to);
        }
    }

    private static final class Episode {
        final StrategyDiscussionRecorded strategy;
        EnquiryConcluded enquiry;
        InitialConferenceHeld conference;
        Instant firstCoreGroup;
        final List<ReviewConferenceHeld> reviews = new ArrayList<>();
        final List<ChildProtectionClockOverdue> overdue = new ArrayList<>();
        ChildProtectionPlanEnded ended;

        Episode(StrategyDiscussionRecorded strategy) {
            this.strategy = strategy;
        }

        boolean plan() {
            return conference != null && !conference.categories().isEmpty();
        }
    }

    PathwayMeasures(Predicate<String> inArea, Period period) {
        this.inArea = inArea;
        this.period = period;
    }

    void take(EventPayload e) {
        switch (e) {
            case ContactReceived c -> contacts.add(c);
            case TriageDecided d -> decidedAt.putIfAbsent(d.triageId(), d.decidedAt());
            case StrategyDiscussionRecorded s -> episodes.putIfAbsent(s.episodeId(), new Episode(s));
            case EnquiryConcluded q -> with(q.episodeId(), x -> x.enquiry = q);
            case InitialConferenceHeld c -> with(c.episodeId(), x -> x.conference = c);
            case CoreGroupMet g -> with(g.episodeId(), x -> x.firstCoreGroup = x.firstCoreGroup == null ? g.heldAt()
                    : x.firstCoreGroup);
            case ReviewConferenceHeld r -> with(r.episodeId(), x -> x.reviews.add(r));
            case ChildProtectionClockOverdue o -> with(o.episodeId(), x -> x.overdue.add(o));
            case ChildProtectionPlanEnded end -> with(end.episodeId(), x -> x.ended = end);
            default -> {
            }
        }
    }

    private void with(UUID episodeId, java.util.function.Consumer<Episode> change) {
        Episode e = episodes.get(episodeId);
        if (e != null) {
            change.accept(e);
        }
    }

    Measures.Pathway result(ChildGroups children) {
        Deadlines contactsDecided = new Deadlines(period.asOf());
        int received = 0;
        for (ContactReceived c : contacts) {
            if (period.holds(c.receivedAt()) && inArea.test(c.frontDoor())) {
                received++;
                contactsDecided.add(decidedAt.get(c.triageId()), c.decisionDueBy());
            }
        }
        List<Episode> area = episodes.values().stream().filter(e -> inArea.test(e.strategy.localAuthority())).toList();
        Deadlines toConference = new Deadlines(period.asOf());
        Deadlines coreGroups = new Deadlines(period.asOf());
        int reviewsHeld = 0;
        int reviewsOnTime = 0;
        int reviewsOverdue = 0;
        Map<String, Integer> categories = new TreeMap<>();
        List<Episode> started = new ArrayList<>();
        for (Episode e : area) {
            if (period.holds(e.strategy.heldAt()) && e.enquiry != null && e.enquiry.conferenceDueBy() != null) {
                toConference.add(e.conference == null ? null : e.conference.heldAt(), e.enquiry.conferenceDueBy());
            }
            if (e.plan() && period.holds(e.conference.heldAt())) {
                started.add(e);
                coreGroups.add(e.firstCoreGroup, e.conference.coreGroupDueBy());
                List<String> c = e.conference.categories();
                categories.merge(c.size() > 1 ? MULTIPLE : c.get(0), 1, Integer::sum);
            }
            LocalDate due = e.conference == null ? null : e.conference.firstReviewDueBy();
            for (ReviewConferenceHeld r : e.reviews) {
                LocalDate held = r.heldAt().atZone(PartnershipMeasures.LONDON).toLocalDate();
                if (period.holds(held)) {
                    reviewsHeld++;
                    reviewsOnTime += due == null || !held.isAfter(due) ? 1 : 0;
                }
                due = r.nextReviewDueBy();
            }
            reviewsOverdue += (int) e.overdue.stream().filter(o -> ChildProtectionClockOverdue.REVIEW_CONFERENCE.equals(o.clock())
                    && period.holds(o.dueBy())).count();
        }
        int again = 0;
        for (Episode e : started) {
            UUID child = children.child(e.strategy.childId());
            Instant startedAt = e.conference.heldAt();
            Instant twoYearsBefore = startedAt.atZone(PartnershipMeasures.LONDON).minusYears(2).toInstant();
            boolean second = episodes.values().stream().anyMatch(p -> p != e && p.ended != null
                    && children.child(p.strategy.childId()).equals(child) && !p.ended.endedAt().isAfter(startedAt)
                    && !p.ended.endedAt().isBefore(twoYearsBefore));
            again += second ? 1 : 0;
        }
        List<Measures.Category> byCategory = categories.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(en -> new Measures.Category(en.getKey(), en.getValue())).toList();
        return new Measures.Pathway(received, contactsDecided.ratio(), toConference.ratio(), coreGroups.ratio(),
                Measures.Ratio.of(reviewsOnTime, reviewsHeld), reviewsOverdue, started.size(), byCategory,
                Measures.Ratio.of(again, started.size()));
    }

    /**
     * Deadlines counted as of the moment: done by the deadline ({@code count}); done late, or not done once it
     * passed ({@code of} only); not done and not yet due ({@code pending}).
     */
    static final class Deadlines {
        private final Instant asOf;
        int count;
        int of;
        int pending;

        Deadlines(Instant asOf) {
            this.asOf = asOf;
        }

        void add(Instant done, Instant due) {
            if (done != null) {
                of++;
                count += done.isAfter(due) ? 0 : 1;
            } else if (asOf.isAfter(due)) {
                of++;
            } else {
                pending++;
            }
        }

        /** Not done and never will be (closed unfinished): counted, as not met. */
        void abandoned() {
            of++;
        }

        Measures.Ratio ratio() {
            return Measures.Ratio.of(count, of, pending);
        }
    }
}
