package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Who the child is, as the case summary says it: names, age, NHS number. */
class CaseSummaryTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void an_nhs_number_is_spaced_three_three_four() {
        assertEquals("943 476 5919", CaseSummary.spaced("9434765919"));
        assertNull(CaseSummary.spaced(null));
        assertEquals("123", CaseSummary.spaced("123"));
    }

    @Test
    void an_age_is_in_years_from_two_then_months_then_weeks() {
        assertEquals("8 years old", CaseSummary.age(LocalDate.of(2018, 5, 9), TODAY, false));
        assertEquals("7 years old", CaseSummary.age(LocalDate.of(2018, 12, 8), TODAY, false));
        assertEquals("23 months old", CaseSummary.age(LocalDate.of(2025, 1, 1), TODAY, false));
        assertEquals("1 month old", CaseSummary.age(LocalDate.of(2026, 11, 7), TODAY, false));
        assertEquals("3 weeks old", CaseSummary.age(LocalDate.of(2026, 11, 15), TODAY, false));
        assertEquals("about 12 years old", CaseSummary.age(LocalDate.of(2014, 6, 1), TODAY, true));
        assertNull(CaseSummary.age(LocalDate.of(2027, 1, 1), TODAY, false), "not born yet: no age, not a negative one");
    }

    @Test
    void the_first_name_recorded_is_her_name_and_every_other_name_and_alias_is_listed_once() throws Exception {
        JsonNode ids = new ObjectMapper().readTree("""
                [{"givenName": "Ama", "familyName": "Mensah", "dateOfBirth": "2018-05-09", "nhsNumber": "9434765919"},
                 {"givenName": "Ama", "familyName": "Mensah", "aliases": [{"givenName": "Amy", "familyName": "Mensah"}]},
                 {"givenName": "Ama", "familyName": "Mensa", "dateOfBirth": "2018-01-01", "dateOfBirthEstimated": true}]""");
        CaseSummary.Identity who = CaseSummary.Identity.of(ids, TODAY);
        assertEquals("Ama Mensah", who.name());
        assertEquals(List.of("Amy Mensah", "Ama Mensa"), who.otherNames());
        assertEquals("9 May 2018", who.born(), "a stated date of birth wins over an estimate");
        assertEquals("8 years old", who.age());
        assertEquals("943 476 5919", who.nhsNumber());
    }

    @Test
    void a_child_known_only_by_an_estimate_or_not_by_name_is_said_so() throws Exception {
        JsonNode ids = new ObjectMapper().readTree("""
                [{"description": "girl of about ten", "dateOfBirth": "2016-06-01", "dateOfBirthEstimated": true}]""");
        CaseSummary.Identity who = CaseSummary.Identity.of(ids, TODAY);
        assertEquals("A child whose name you may not see", who.name());
        assertEquals("about June 2016 (estimated)", who.born());
        assertEquals("about 10 years old", who.age());
        assertNull(who.nhsNumber());
    }
}
