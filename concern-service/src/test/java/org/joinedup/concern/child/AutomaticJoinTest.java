package org.joinedup.concern.child;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.joinedup.concern.child.AutomaticJoin.Outcome.JOIN;
import static org.joinedup.concern.child.AutomaticJoin.Outcome.REVIEW;
import static org.joinedup.concern.child.AutomaticJoin.Outcome.UNRELATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automatic-join rule at each of its edges: given what the index knows of a child, when an identification. */
class AutomaticJoinTest {
    static final String NHS = "9434765919";
    static final String SISTERS_NHS = "9434765870";
    static final LocalDate DOB = LocalDate.of(2016, 11, 2);
    static final ChildIdentity ANNA = id(NHS, "Kouao", "Anna", DOB, "N17 0AA");

    static ChildIdentity id(String nhs, String family, String given, LocalDate dob, String postcode, ChildName... aliases) {
        return ChildIdentity.of(null, new ChildIdentification(nhs, family, given, dob, postcode, List.of(aliases)));
    }

    static ChildIdentity estimated(String nhs, String family, String given, LocalDate dob) {
        return ChildIdentity.of(null, new ChildIdentification(nhs, family, given, dob, null, List.of(), true, null));
    }

    static AutomaticJoin.Decision decide(ChildIdentity incoming, ChildIdentity... known) {
        return AutomaticJoin.decide(incoming, List.of(known));
    }

    // The NHS number, when nothing contradicts it

    @Test
    void the_same_nhs_number_and_the_same_names_join() {
        AutomaticJoin.Decision d = decide(id(NHS, "Kouao", "Anna", DOB, null), ANNA);
        assertEquals(JOIN, d.outcome());
        assertTrue(d.byNhsNumber());
    }

    @Test
    void the_same_nhs_number_joins_through_the_slips_real_records_carry() {
        assertEquals(JOIN, decide(id(NHS, "Kowao", "Ana", DOB, null), ANNA).outcome(), "spelling");
        assertEquals(JOIN, decide(id(NHS, "Anna", "Kouao", DOB, null), ANNA).outcome(), "given and family names swapped");
        assertEquals(JOIN, decide(id(NHS, "Kouao", "Anna", LocalDate.of(2016, 2, 11), null), ANNA).outcome(), "day and month swapped");
        assertEquals(JOIN, decide(id(NHS, "Kouao", "Anna", DOB.withYear(2015), null), ANNA).outcome(), "one part of the date wrong");
        assertEquals(JOIN, decide(id(NHS, "Manning", "Anna", DOB, null), ANNA).outcome(), "a step-family name");
        assertEquals(JOIN, decide(id(NHS, null, null, null, null), ANNA).outcome(), "nothing to contradict it");
        assertEquals(JOIN, decide(id(NHS, "Kouao", "Baby", DOB, null), ANNA).outcome(), "a newborn recorded as Baby");
        assertEquals(JOIN, decide(id(NHS, "Kouao", "Victoria", DOB, null, new ChildName(null, "Anna")), ANNA).outcome(),
                "the known name as an alias");
    }

    @Test
    void the_same_nhs_number_joins_a_short_or_pet_form_of_the_given_name() {
        ChildIdentity william = id(NHS, "Smith", "William", DOB, null);
        assertEquals(JOIN, decide(id(NHS, "Smith", "Billy", DOB, null), william).outcome());
        assertEquals(JOIN, decide(id(NHS, "Smith", "Will", DOB, null), william).outcome());
        assertEquals(JOIN, decide(id(NHS, "Ahmed", "Mo", DOB, null), id(NHS, "Ahmed", "Mohammed", DOB, null)).outcome());
    }

    @Test
    void a_sisters_nhs_number_with_her_brothers_names_and_birthday_is_an_nhs_number_conflict_not_a_join() {
        AutomaticJoin.Decision d = decide(id(NHS, "Kouao", "Marcus", LocalDate.of(2013, 5, 20), "N17 0AA"), ANNA);
        assertEquals(REVIEW, d.outcome());
        assertEquals(AutomaticJoin.NHS_NUMBER_CONFLICT, d.reason());
        assertEquals(List.of("same NHS number"), d.agreeing());
        assertEquals(List.of("different given names", "different dates of birth"), d.against());
    }

    @Test
    void a_twins_nhs_number_is_a_conflict_although_the_birthday_agrees() {
        AutomaticJoin.Decision d = decide(id(NHS, "Kouao", "Marcus", DOB, null), ANNA);
        assertEquals(AutomaticJoin.NHS_NUMBER_CONFLICT, d.reason());
        assertEquals(List.of("different given names"), d.against());
    }

    @Test
    void the_same_nhs_number_and_names_with_a_date_of_birth_wrong_in_two_parts_is_a_conflict() {
        AutomaticJoin.Decision d = decide(id(NHS, "Kouao", "Anna", LocalDate.of(2014, 3, 2), null), ANNA);
        assertEquals(REVIEW, d.outcome());
        assertEquals(List.of("different dates of birth"), d.against());
    }

    @Test
    void an_identification_must_contradict_none_of_the_childs_identifications() {
        ChildIdentity numberOnly = id(NHS, null, null, null, null);
        assertEquals(REVIEW, decide(id(NHS, "Kouao", "Marcus", LocalDate.of(2013, 5, 20), null), numberOnly, ANNA).outcome());
    }

    @Test
    void an_estimated_date_of_birth_contradicts_only_beyond_thirty_months() {
        assertEquals(JOIN, decide(estimated(NHS, "Kouao", "Anna", DOB.plusYears(2)), ANNA).outcome());
        assertEquals(REVIEW, decide(estimated(NHS, "Kouao", "Anna", DOB.plusYears(3)), ANNA).outcome());
    }

    @Test
    void the_nhs_number_wins_over_the_names_and_the_other_child_is_queued_as_conflicting_keys() {
        java.util.UUID byNames = java.util.UUID.fromString("00000000-0000-4000-8000-000000000001");
        java.util.UUID byNumber = java.util.UUID.fromString("00000000-0000-4000-8000-000000000002");
        java.util.Map<java.util.UUID, List<ChildIdentity>> holders = new java.util.LinkedHashMap<>();
        holders.put(byNames, List.of(id(null, "Kouao", "Anna", DOB, "N17 6RA")));
        holders.put(byNumber, List.of(ANNA));
        AutomaticJoin.Resolution r = AutomaticJoin.resolve(id(NHS, "Kouao", "Anna", DOB, "N17 0AB"), holders);
        assertEquals(byNumber, r.joinTo());
        assertEquals(AutomaticJoin.CONFLICTING_KEYS, r.review().get(byNames).reason());
        assertEquals(java.util.Set.of(byNames), r.review().keySet());
    }

    @Test
    void with_nothing_to_join_the_identification_is_a_new_child_and_conflicts_are_queued() {
        java.util.UUID sister = java.util.UUID.randomUUID();
        AutomaticJoin.Resolution r = AutomaticJoin.resolve(id(NHS, "Kouao", "Marcus", LocalDate.of(2013, 5, 20), null),
                java.util.Map.of(sister, List.of(ANNA)));
        assertEquals(null, r.joinTo());
        assertEquals(AutomaticJoin.NHS_NUMBER_CONFLICT, r.review().get(sister).reason());
    }

    // Names and date of birth, when something else is in common

    @Test
    void the_same_names_and_birthday_in_the_same_postcode_district_join() {
        AutomaticJoin.Decision d = decide(id(null, "Kouao", "Anna", DOB, "N17 6RA"), ANNA);
        assertEquals(JOIN, d.outcome());
        assertEquals(false, d.byNhsNumber());
        assertEquals(List.of("same names", "same date of birth", "same postcode district"), d.agreeing());
    }

    @Test
    void the_same_names_and_birthday_in_another_district_are_a_strong_candidate_not_a_join() {
        AutomaticJoin.Decision d = decide(id(null, "Kouao", "Anna", DOB, "M1 1AE"), ANNA);
        assertEquals(REVIEW, d.outcome());
        assertEquals(AutomaticJoin.SAME_NAMES_AND_BIRTH, d.reason());
        assertEquals(List.of("different postcode districts"), d.against());
    }

    @Test
    void the_same_names_and_birthday_with_nothing_else_known_are_a_candidate_not_a_join() {
        AutomaticJoin.Decision d = decide(id(null, "Kouao", "Anna", DOB, null), id(null, "Kouao", "Anna", DOB, null));
        assertEquals(REVIEW, d.outcome());
        assertEquals(List.of("no NHS number or postcode in common to confirm it"), d.against());
    }

    @Test
    void different_valid_nhs_numbers_are_never_joined_whatever_else_agrees() {
        assertEquals(UNRELATED, decide(id(SISTERS_NHS, "Kouao", "Anna", DOB, "N17 0AA"), ANNA).outcome());
    }

    @Test
    void an_estimated_date_of_birth_or_a_missing_name_is_never_joined_on_names() {
        assertEquals(UNRELATED, decide(estimated(null, "Kouao", "Anna", DOB), ANNA).outcome());
        assertEquals(UNRELATED, decide(id(null, null, "Anna", DOB, "N17 0AA"), ANNA).outcome());
        assertEquals(UNRELATED, decide(id(null, "Kouao", "Ana", DOB, "N17 0AA"), ANNA).outcome());
    }
}
