package org.joinedup.referral.earlyhelp.domain;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.earlyhelp.DomainFindings;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentEvent;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given an assessment's events, when a command, then these events or a named refusal. No Quarkus. */
class AssessmentDeciderTest {
    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    static final AssessmentActor SCHOOL = new AssessmentActor("t-1", "st-marys", false, false);
    static final AssessmentActor HEALTH_IN_TEAM = new AssessmentActor("hv-1", "whittington", false, true);
    static final AssessmentActor POLICE = new AssessmentActor("pc-1", "met-police", true, false);
    static final DomainFindings CHILD = new DomainFindings("child-development", List.of("loves reading"),
            List.of(new DomainFindings.Need("speech delay", List.of("achieving", "included"))));
    static final DomainFindings PARENTS = new DomainFindings("parenting-capacity", List.of("mother attends every appointment"),
            List.of());
    static final DomainFindings FAMILY = new DomainFindings("family-and-environment", List.of(),
            List.of(new DomainFindings.Need("damp flat", List.of("healthy"))));

    final UUID id = UUID.randomUUID();
    final UUID child = UUID.randomUUID();
    final DeciderSpec<AssessmentCommand, AssessmentState, EarlyHelpAssessmentEvent> spec = DeciderSpec.of(new AssessmentDecider());

    AssessmentState.Assessment state() {
        return (AssessmentState.Assessment) spec.state();
    }

    static List<String> types(List<EarlyHelpAssessmentEvent> events) {
        return events.stream().map(e -> e.eventType().typeName()).toList();
    }

    AssessmentCommand.Start start(Consent consent, DomainFindings... domains) {
        return new AssessmentCommand.Start(id, child, consent, null, domains.length == 0 ? null
                : new AssessmentContent(List.of(domains), "I like my teacher", "we need help with sleep"), SCHOOL, T);
    }

    void started(Consent consent, DomainFindings... domains) {
        spec.givenAccepted(start(consent, domains));
    }

    AssessmentCommand.Complete complete(EarlyHelpOutcome outcome, UUID referral) {
        return new AssessmentCommand.Complete(outcome, "reason", referral, SCHOOL, T);
    }

    @Test
    void an_assessment_starts_with_the_consent_decision_and_its_first_version() {
        started(new Consent(Consent.GIVEN, null), CHILD);
        assertEquals(List.of("early-help-assessment-started", "early-help-assessment-recorded"), types(spec.history()));
        assertEquals(1, state().latestVersion());
        assertEquals(AssessmentState.Status.IN_PROGRESS, state().status());
        assertEquals(List.of("parenting-capacity", "family-and-environment"),
                state().missingDomains().stream().map(d -> d.wireName()).toList());
        spec.when(start(new Consent(Consent.GIVEN, null))).conflict("assessment-exists");
    }

    @Test
    void each_change_is_a_new_whole_version_and_the_earlier_ones_stay() {
        started(new Consent(Consent.GIVEN, null), CHILD);
        AssessmentContent more = new AssessmentContent(List.of(CHILD, PARENTS), "I like my teacher", "we need help with sleep");
        spec.when(new AssessmentCommand.Record(more, SCHOOL, T.plusSeconds(60)))
                .thenEvents(v2 -> assertEquals(2, ((EarlyHelpAssessmentRecorded) v2.get(0)).version()));
        spec.when(new AssessmentCommand.Record(more, SCHOOL, T.plusSeconds(120))).thenNothing();
        assertEquals(List.of(1, 2), state().versions().stream().map(EarlyHelpAssessmentRecorded::version).toList());
        assertEquals(List.of(CHILD), state().versions().get(0).domains());
    }

    @Test
    void only_the_assessing_agency_and_the_team_working_from_it_change_it() {
        started(new Consent(Consent.GIVEN, null), CHILD);
        AssessmentContent more = new AssessmentContent(List.of(CHILD, PARENTS), null, null);
        spec.when(new AssessmentCommand.Record(more, POLICE, T)).notFound();
        spec.when(new AssessmentCommand.Record(more, HEALTH_IN_TEAM, T)).thenEvents(e -> assertEquals(1, e.size()));
    }

    @Test
    void it_is_completed_only_when_every_domain_has_findings() {
        started(new Consent(Consent.GIVEN, null), CHILD, PARENTS);
        var incomplete = spec.when(complete(EarlyHelpOutcome.TEAM_AROUND_THE_CHILD, null)).conflict("domains-incomplete");
        assertTrue(incomplete.detail().contains("family-and-environment"), incomplete.detail());
        spec.givenAccepted(new AssessmentCommand.Record(new AssessmentContent(List.of(CHILD, PARENTS, FAMILY), null, null),
                SCHOOL, T));
        spec.when(complete(EarlyHelpOutcome.TEAM_AROUND_THE_CHILD, null)).thenEvents(done -> {
            EarlyHelpAssessmentCompleted c = (EarlyHelpAssessmentCompleted) done.get(0);
            assertEquals("team-around-the-child", c.outcome());
            assertEquals(2, c.version());
        });
        assertEquals(AssessmentState.Status.COMPLETED, state().status());
        spec.when(complete(EarlyHelpOutcome.NO_FURTHER_ACTION, null)).conflict("assessment-completed");
    }

    @Test
    void support_the_family_takes_part_in_rests_on_their_consent_a_step_up_does_not() {
        started(new Consent(Consent.REFUSED, "father does not want services involved"), CHILD, PARENTS, FAMILY);
        for (EarlyHelpOutcome needs : List.of(EarlyHelpOutcome.SINGLE_AGENCY_SUPPORT, EarlyHelpOutcome.TEAM_AROUND_THE_CHILD)) {
            spec.when(complete(needs, null)).conflict("consent-required");
        }
        spec.when(complete(EarlyHelpOutcome.STEP_UP, null)).invalid("referralId", "required");
        UUID referral = UUID.randomUUID();
        spec.when(complete(EarlyHelpOutcome.NO_FURTHER_ACTION, referral)).invalid("referralId", "step-up-only");
        spec.when(complete(EarlyHelpOutcome.STEP_UP, referral))
                .thenEvents(up -> assertEquals(referral, ((EarlyHelpAssessmentCompleted) up.get(0)).referralId()));
    }

    @Test
    void a_plan_review_says_the_assessment_stands_or_was_revised_since_it_was_last_reviewed() {
        started(new Consent(Consent.GIVEN, null), CHILD, PARENTS, FAMILY);
        spec.givenAccepted(complete(EarlyHelpOutcome.TEAM_AROUND_THE_CHILD, null));
        UUID team = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 12, 21);
        spec.when(new AssessmentCommand.Review(team, UUID.randomUUID(), day, true, HEALTH_IN_TEAM, T.plusSeconds(60)))
                .conflict("no-revision");
        spec.when(new AssessmentCommand.Review(team, UUID.randomUUID(), day, false, HEALTH_IN_TEAM, T.plusSeconds(60)))
                .thenEvents(e -> assertEquals(1, ((EarlyHelpAssessmentReviewed) e.get(0)).version()));
        spec.givenAccepted(new AssessmentCommand.Record(new AssessmentContent(List.of(CHILD, PARENTS, FAMILY), "I sleep better",
                null), HEALTH_IN_TEAM, T.plusSeconds(120)));
        spec.when(new AssessmentCommand.Review(team, UUID.randomUUID(), day.plusWeeks(6), true, HEALTH_IN_TEAM,
                T.plusSeconds(180))).thenEvents(e -> {
                    EarlyHelpAssessmentReviewed revised = (EarlyHelpAssessmentReviewed) e.get(0);
                    assertEquals(2, revised.version());
                    assertTrue(revised.revised());
                });
        assertEquals(2, state().reviews().size());
    }

    @Test
    void an_assessment_not_concluded_for_a_team_is_not_reviewed_by_one() {
        started(new Consent(Consent.GIVEN, null), CHILD, PARENTS, FAMILY);
        spec.when(new AssessmentCommand.Review(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 12, 1), false, SCHOOL, T))
                .conflict("not-a-team-assessment");
    }
}
