package org.joinedup.concern.concern;

import org.joinedup.concern.concern.domain.RaiseConcern;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.RiskLevel;
import org.joinedup.events.concern.WellbeingIndicator;
import org.joinedup.platform.http.FieldViolation;
import org.joinedup.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RaiseConcernRequestTest {
    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    public static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    public static RaiseConcernRequest valid() {
        return new RaiseConcernRequest(
                new RaiseConcernRequest.Child("943 476 5919", "Smith", "Anna", "2017-03-14", "N17 6AB"),
                "neglect", List.of("safe", "nurtured", "safe"), "high",
                "  Found alone at home at night.  ", "Mum goes out a lot.", "2026-11-20T21:30:00+01:00");
    }

    @Test
    void a_valid_request_becomes_a_command_with_parsed_values() {
        RaiseConcern c = valid().toCommand(ID, "met-police", "officer-7", NOW);
        assertEquals("9434765919", c.child().nhsNumber());
        assertEquals(LocalDate.of(2017, 3, 14), c.child().dateOfBirth());
        assertEquals(ConcernCategory.NEGLECT, c.category());
        assertEquals(List.of(WellbeingIndicator.SAFE, WellbeingIndicator.NURTURED), c.wellbeingIndicators());
        assertEquals(RiskLevel.HIGH, c.riskLevel());
        assertEquals("Found alone at home at night.", c.description());
        assertEquals(Instant.parse("2026-11-20T20:30:00Z"), c.occurredAt());
        assertEquals("met-police", c.agencyId());
    }

    @Test
    void names_and_date_of_birth_identify_a_child_without_an_nhs_number() {
        var r = new RaiseConcernRequest(new RaiseConcernRequest.Child(null, "Smith", "Anna", "2017-03-14", null),
                "other", null, "low", "d", null, "2026-11-20T21:30:00Z");
        RaiseConcern c = r.toCommand(ID, "a", "p", NOW);
        assertNull(c.child().nhsNumber());
        assertEquals(List.of(), c.wellbeingIndicators());
    }

    @Test
    void an_nhs_number_that_fails_the_check_digit_is_named() {
        var r = new RaiseConcernRequest(new RaiseConcernRequest.Child("9434765918", null, null, null, null),
                "neglect", null, "high", "d", null, "2026-11-20T21:30:00Z");
        assertOnly(r, "child.nhsNumber", "nhs-number-check-digit");
    }

    static RaiseConcernRequest about(RaiseConcernRequest.Child child) {
        return new RaiseConcernRequest(child, "neglect", null, "high", "d", null, "2026-11-20T21:30:00Z");
    }

    static RaiseConcernRequest.Child child(String family, String given, String dob, String estimated, String age,
                                           String description) {
        return new RaiseConcernRequest.Child(null, family, given, dob, null, null, estimated, age, description);
    }

    @Test
    void a_concern_is_never_refused_for_what_the_agency_does_not_know() {
        assertEquals("Anna", about(child(null, "Anna", null, null, null, null)).toCommand(ID, "a", "p", NOW).child().givenName());
        assertEquals("Smith", about(child("Smith", null, null, null, null, null)).toCommand(ID, "a", "p", NOW).child().familyName());
        var described = about(child(null, null, null, null, null, " A boy of about 8 at the address. "))
                .toCommand(ID, "a", "p", NOW).child();
        assertEquals("A boy of about 8 at the address.", described.description());
        assertNull(described.dateOfBirth());
        var dated = about(child(null, null, "2017-03-14", null, null, null)).toCommand(ID, "a", "p", NOW).child();
        assertEquals(false, dated.dateOfBirthEstimated());
    }

    @Test
    void an_age_in_years_becomes_an_estimated_date_of_birth_in_the_middle_of_the_possible_year() {
        var c = about(child("Smith", null, null, null, "8", null)).toCommand(ID, "a", "p", NOW).child();
        assertEquals(LocalDate.of(2018, 5, 22), c.dateOfBirth());
        assertTrue(c.dateOfBirthEstimated());
        var e = about(child("Smith", null, "2017-01-01", "true", null, null)).toCommand(ID, "a", "p", NOW).child();
        assertEquals(LocalDate.of(2017, 1, 1), e.dateOfBirth());
        assertTrue(e.dateOfBirthEstimated());
    }

    @Test
    void a_child_with_nothing_at_all_to_identify_them_is_named_as_the_field() {
        assertOnly(about(child(null, " ", null, null, null, "")), "child", "identifier-required");
    }

    @Test
    void each_wrong_age_or_estimate_is_named_with_its_rule() {
        assertOnly(about(child("S", null, null, null, "eight", null)), "child.ageYears", "whole-number");
        assertOnly(about(child("S", null, null, null, "26", null)), "child.ageYears", "range");
        assertOnly(about(child("S", null, null, null, "-1", null)), "child.ageYears", "range");
        assertOnly(about(child("S", null, "2017-01-01", null, "8", null)), "child.ageYears", "date-of-birth-or-age");
        assertOnly(about(child("S", null, "2017-01-01", "maybe", null, null)), "child.dateOfBirthEstimated", "boolean");
        assertOnly(about(child("S", null, null, "true", null, null)), "child.dateOfBirthEstimated", "requires-date-of-birth");
        assertOnly(about(child("S", null, null, null, null, "x".repeat(501))), "child.description", "max-length");
    }

    @Test
    void unknown_vocabulary_is_refused_naming_the_allowed_values() {
        var base = valid();
        var r = new RaiseConcernRequest(base.child(), "bad-vibes", List.of("safe", "sleepy"), "extreme",
                base.description(), null, base.occurredAt());
        List<FieldViolation> v = violations(r);
        assertEquals(List.of("category", "wellbeingIndicators[1]", "riskLevel"),
                v.stream().map(FieldViolation::field).toList());
        assertTrue(v.get(0).message().contains("physical-abuse"));
    }

    @Test
    void occurred_at_must_be_a_date_time_with_offset_and_not_in_the_future() {
        var base = valid();
        assertOnly(new RaiseConcernRequest(base.child(), "neglect", null, "high", "d", null, "2026-11-22T12:00:01Z"),
                "occurredAt", "not-in-future");
        assertOnly(new RaiseConcernRequest(base.child(), "neglect", null, "high", "d", null, "yesterday"),
                "occurredAt", "date-time");
        assertOnly(new RaiseConcernRequest(base.child(), "neglect", null, "high", "d", null, "2026-11-20T21:30:00"),
                "occurredAt", "date-time");
    }

    @Test
    void every_missing_field_is_reported_at_once() {
        var r = new RaiseConcernRequest(null, null, null, null, " ", null, null);
        assertEquals(List.of("child", "category", "riskLevel", "description", "occurredAt"),
                violations(r).stream().map(FieldViolation::field).toList());
    }

    @Test
    void over_long_text_is_refused() {
        var base = valid();
        var r = new RaiseConcernRequest(base.child(), "neglect", null, "high", "x".repeat(10_001), null, base.occurredAt());
        assertOnly(r, "description", "max-length");
    }

    private static void assertOnly(RaiseConcernRequest r, String field, String rule) {
        List<FieldViolation> v = violations(r);
        assertEquals(1, v.size(), v.toString());
        assertEquals(field, v.get(0).field());
        assertEquals(rule, v.get(0).rule());
    }

    private static List<FieldViolation> violations(RaiseConcernRequest r) {
        ProblemException e = assertThrows(ProblemException.class, () -> r.toCommand(ID, "a", "p", NOW));
        assertEquals(400, e.problem().status());
        return e.problem().violations();
    }
}
