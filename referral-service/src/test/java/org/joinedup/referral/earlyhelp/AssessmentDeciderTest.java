package org.joinedup.referral.earlyhelp;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.earlyhelp.DomainFindings;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;
import org.joinedup.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given an assessment's events, when a command, then these events (or this refusal). No Quarkus. */
class AssessmentDeciderTest {
    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    static final AssessmentDecider.Actor SCHOOL = new AssessmentDecider.Actor("t-1", "st-marys", false, false);
    static final AssessmentDecider.Actor HEALTH_IN_TEAM = new AssessmentDecider.Actor("hv-1", "whittington", false, true);
    static final AssessmentDecider.Actor POLICE = new AssessmentDecider.Actor("pc-1", "met-police", true, false);
    static final DomainFindings CHILD = new DomainFindings("child-development", List.of("loves reading"),
            List.of(new DomainFindings.Need("speech delay", List.of("achieving", "included"))));
    static final DomainFindings PARENTS = new DomainFindings("parenting-capacity", List.of("mother attends every appointment"),
            List.of());
    static final DomainFindings FAMILY = new DomainFindings("family-and-environment", List.of(),
            List.of(new DomainFindings.Need("damp flat", List.of("healthy"))));

    final UUID id = UUID.randomUUID();
    final UUID child = UUID.randomUUID();
    final List<EventPayload> history = new ArrayList<>();

    AssessmentState state() {
        return AssessmentState.fold(history);
    }

    List<EventPayload> given(List<EventPayload> events) {
        history.addAll(events);
        return events;
    }

    static List<String> types(List<EventPayload> events) {
        return events.stream().map(e -> e.eventType().typeName()).toList();
    }

    void started(Consent consent, DomainFindings... domains) {
        given(AssessmentDecider.start(id, child, consent, null, domains.length == 0 ? null
                : new AssessmentContent(List.of(domains), "I like my teacher", "we need help with sleep"), SCHOOL, state(), T));
    }

    @Test
    void an_assessment_starts_with_the_consent_decision_and_its_first_version() {
        started(new Consent(Consent.GIVEN, null), CHILD);
        assertEquals(List.of("early-help-assessment-started", "early-help-assessment-recorded"), types(history));
        assertEquals(1, state().latestVersion());
        assertEquals(List.of("parenting-capacity", "family-and-environment"),
                state().missingDomains().stream().map(d -> d.wireName()).toList());
        assertThrows(ProblemException.class, () -> AssessmentDecider.start(id, child, new Consent(Consent.GIVEN, null), null,
                null, SCHOOL, state(), T));
    }

    @Test
    void each_change_is_a_new_whole_version_and_the_earlier_ones_stay() {
        started(new Consent(Consent.GIVEN, null), CHILD);
        AssessmentContent more = new AssessmentContent(List.of(CHILD, PARENTS), "I like my teacher", "we need help with sleep");
        List<EventPayload> v2 = given(AssessmentDecider.record(more, SCHOOL, state(), T.plusSeconds(60)));
        assertEquals(2, ((EarlyHelpAssessmentRecorded) v2.get(0)).version());
        assertEquals(List.of(), AssessmentDecider.record(more, SCHOOL, state(), T.plusSeconds(120)), "the same content again");
        assertEquals(List.of(1, 2), state().versions().stream().map(EarlyHelpAssessmentRecorded::version).toList());
        assertEquals(List.of(CHILD), state().versions().get(0).domains());
    }

    @Test
    void only_the_assessing_agency_and_the_team_working_from_it_change_it() {
        started(new Consent(Consent.GIVEN, null), CHILD);
        AssessmentContent more = new AssessmentContent(List.of(CHILD, PARENTS), null, null);
        ProblemException refused = assertThrows(ProblemException.class, () -> AssessmentDecider.record(more, POLICE, state(), T));
        assertEquals(404, refused.problem().status());
        assertEquals(1, AssessmentDecider.record(more, HEALTH_IN_TEAM, state(), T).size());
    }

    @Test
    void it_is_completed_only_when_every_domain_has_findings() {
        started(new Consent(Consent.GIVEN, null), CHILD, PARENTS);
        ProblemException incomplete = assertThrows(ProblemException.class, () -> AssessmentDecider.complete(
                EarlyHelpOutcome.TEAM_AROUND_THE_CHILD, "needs several agencies", null, SCHOOL, state(), T));
        assertEquals(409, incomplete.problem().status());
        assertTrue(incomplete.getMessage().contains("family-and-environment"), incomplete.getMessage());
        given(AssessmentDecider.record(new AssessmentContent(List.of(CHILD, PARENTS, FAMILY), null, null), SCHOOL, state(), T));
        List<EventPayload> done = given(AssessmentDecider.complete(EarlyHelpOutcome.TEAM_AROUND_THE_CHILD,
                "needs several agencies", null, SCHOOL, state(), T));
        EarlyHelpAssessmentCompleted c = (EarlyHelpAssessmentCompleted) done.get(0);
        assertEquals("team-around-the-child", c.outcome());
        assertEquals(2, c.version());
        assertEquals(409, assertThrows(ProblemException.class, () -> AssessmentDecider.complete(
                EarlyHelpOutcome.NO_FURTHER_ACTION, "again", null, SCHOOL, state(), T)).problem().status());
    }

    @Test
    void support_the_family_takes_part_in_rests_on_their_consent_a_step_up_does_not() {
        started(new Consent(Consent.REFUSED, "father does not want services involved"), CHILD, PARENTS, FAMILY);
        for (EarlyHelpOutcome needs : List.of(EarlyHelpOutcome.SINGLE_AGENCY_SUPPORT, EarlyHelpOutcome.TEAM_AROUND_THE_CHILD)) {
            ProblemException e = assertThrows(ProblemException.class, () -> AssessmentDecider.complete(needs, "r", null, SCHOOL,
                    state(), T));
            assertEquals(409, e.problem().status());
        }
        ProblemException noReferral = assertThrows(ProblemException.class, () -> AssessmentDecider.complete(
                EarlyHelpOutcome.STEP_UP, "risk grew", null, SCHOOL, state(), T));
        assertEquals(400, noReferral.problem().status());
        UUID referral = UUID.randomUUID();
        EarlyHelpAssessmentCompleted up = (EarlyHelpAssessmentCompleted) AssessmentDecider.complete(EarlyHelpOutcome.STEP_UP,
                "risk grew", referral, SCHOOL, state(), T).get(0);
        assertEquals(referral, up.referralId());
        assertEquals(400, assertThrows(ProblemException.class, () -> AssessmentDecider.complete(
                EarlyHelpOutcome.NO_FURTHER_ACTION, "fine", referral, SCHOOL, state(), T)).problem().status());
    }

    @Test
    void a_plan_review_says_the_assessment_stands_or_was_revised_since_it_was_last_reviewed() {
        started(new Consent(Consent.GIVEN, null), CHILD, PARENTS, FAMILY);
        given(AssessmentDecider.complete(EarlyHelpOutcome.TEAM_AROUND_THE_CHILD, "several agencies", null, SCHOOL, state(), T));
        UUID team = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 12, 21);
        ProblemException none = assertThrows(ProblemException.class, () -> AssessmentDecider.review(team, UUID.randomUUID(), day,
                true, HEALTH_IN_TEAM, state(), T.plusSeconds(60)));
        assertEquals(409, none.problem().status());
        EarlyHelpAssessmentReviewed stands = (EarlyHelpAssessmentReviewed) given(AssessmentDecider.review(team,
                UUID.randomUUID(), day, false, HEALTH_IN_TEAM, state(), T.plusSeconds(60))).get(0);
        assertEquals(1, stands.version());
        given(AssessmentDecider.record(new AssessmentContent(List.of(CHILD, PARENTS, FAMILY), "I sleep better", null),
                HEALTH_IN_TEAM, state(), T.plusSeconds(120)));
        EarlyHelpAssessmentReviewed revised = (EarlyHelpAssessmentReviewed) given(AssessmentDecider.review(team,
                UUID.randomUUID(), day.plusWeeks(6), true, HEALTH_IN_TEAM, state(), T.plusSeconds(180))).get(0);
        assertEquals(2, revised.version());
        assertTrue(revised.revised());
        assertEquals(2, state().reviews().size());
    }

    @Test
    void an_assessment_not_concluded_for_a_team_is_not_reviewed_by_one() {
        started(new Consent(Consent.GIVEN, null), CHILD, PARENTS, FAMILY);
        assertEquals(409, assertThrows(ProblemException.class, () -> AssessmentDecider.review(UUID.randomUUID(),
                UUID.randomUUID(), LocalDate.of(2026, 12, 1), false, SCHOOL, state(), T)).problem().status());
    }
}
