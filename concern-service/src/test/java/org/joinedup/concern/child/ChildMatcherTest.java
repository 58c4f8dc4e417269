package org.joinedup.concern.child;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildMatcherTest {
    static final LocalDate DOB = LocalDate.of(2016, 11, 2);
    static final ChildMatcher MATCHER = new ChildMatcher();

    static ChildIdentity id(String nhs, String family, String given, LocalDate dob, String postcode, ChildName... aliases) {
        return ChildIdentity.of(UUID.randomUUID(), new ChildIdentification(nhs, family, given, dob, postcode, List.of(aliases)));
    }

    static Optional<ChildMatcher.Evidence> match(ChildIdentity a, ChildIdentity b) {
        assertTrue(meet(a, b) && meet(b, a), "the pair must meet in a block, whichever arrives first, to be compared at all");
        return MATCHER.match(a, List.of(b));
    }

    @Test
    void a_spelling_variant_with_the_same_date_of_birth_is_a_candidate() {
        var e = match(id(null, "Climbie", "Victoria", DOB, null), id(null, "Klimbie", "Viktoria", DOB, null)).orElseThrow();
        assertTrue(e.reasons().containsAll(List.of("similar names", "same date of birth")), e.reasons().toString());
    }

    @Test
    void given_and_family_names_swapped_is_a_candidate_and_says_so() {
        var e = match(id(null, "Kouao", "Anna", DOB, null), id(null, "Anna", "Kouao", DOB, null)).orElseThrow();
        assertTrue(e.reasons().contains("given and family names swapped"), e.reasons().toString());
    }

    @Test
    void day_and_month_of_birth_swapped_is_a_candidate_and_says_so() {
        var e = match(id(null, "Kouao", "Anna", LocalDate.of(2016, 2, 11), null), id(null, "Kouao", "Anna", DOB, null))
                .orElseThrow();
        assertTrue(e.reasons().contains("day and month of birth swapped"), e.reasons().toString());
    }

    @Test
    void a_known_alias_is_a_candidate_and_says_so() {
        var e = match(id(null, "Kouao", "Anna", DOB, null, new ChildName("Climbié", "Victoria")),
                id(null, "Climbie", "Victoria", DOB, null)).orElseThrow();
        assertTrue(e.reasons().contains("same names; a known alias"), e.reasons().toString());
    }

    @Test
    void an_alias_that_gives_only_a_given_name_keeps_the_family_name() {
        ChildIdentity anna = id(null, "Kouao", "Anna", DOB, null, new ChildName(null, "Victoria"));
        assertEquals(List.of(new ChildIdentity.Name("kouao", "anna", false), new ChildIdentity.Name("kouao", "victoria", true)),
                anna.names());
    }

    @Test
    void a_phonetic_spelling_counts_as_nearly_the_same_name() {
        assertTrue(ChildMatcher.part("stephen", "steven") >= ChildMatcher.PHONETIC_FLOOR);
        assertEquals(1.0, ChildMatcher.part("smith", "smith"));
    }

    @Test
    void different_valid_nhs_numbers_weigh_against_so_only_the_same_names_and_birthday_still_reach_the_queue() {
        var same = ChildMatcher.compare(id("9434765919", "Smith", "Anna", DOB, null), id("9434765870", "Smith", "Anna", DOB, null));
        assertEquals(List.of("different NHS numbers"), same.against());
        assertTrue(same.score() >= ChildMatcher.DEFAULT_THRESHOLD, same.toString());
        var similar = ChildMatcher.compare(id("9434765919", "Smith", "Anna", DOB, null), id("9434765870", "Smyth", "Ana", DOB, null));
        assertTrue(similar.score() < ChildMatcher.DEFAULT_THRESHOLD, similar.toString());
    }

    @Test
    void the_evidence_against_is_named_beside_the_evidence_for() {
        var twins = ChildMatcher.compare(id(null, "Kouao", "Anna", DOB, "N17 0AA"), id(null, "Kouao", "Marcus", DOB, "N17 0AA"));
        assertEquals(List.of("same family name", "same date of birth", "same postcode"), twins.reasons());
        assertEquals(List.of("different given names"), twins.against());
        var elsewhere = ChildMatcher.compare(id(null, "Kouao", "Anna", DOB, "N17 0AA"), id(null, "Kouao", "Anna", DOB, "M1 1AE"));
        assertEquals(List.of("different postcode districts"), elsewhere.against());
    }

    @Test
    void a_pet_name_counts_as_the_given_name() {
        var e = ChildMatcher.compare(id(null, "Smith", "William", DOB, null), id(null, "Smith", "Billy", DOB, null));
        assertTrue(e.reasons().contains("a short or pet form of the given name"), e.reasons().toString());
        assertTrue(e.score() >= ChildMatcher.DEFAULT_THRESHOLD, e.toString());
    }

    @Test
    void a_brother_with_another_name_and_birthday_at_the_same_address_is_not_a_candidate() {
        assertTrue(MATCHER.match(id(null, "Kouao", "Anna", DOB, "N170AA"),
                List.of(id(null, "Kouao", "Marcus", LocalDate.of(2013, 5, 20), "N17 0AA"))).isEmpty());
    }

    @Test
    void the_same_names_born_years_apart_are_not_a_candidate() {
        assertTrue(MATCHER.match(id(null, "Smith", "Jack", DOB, null),
                List.of(id(null, "Smith", "Jack", LocalDate.of(2009, 7, 30), null))).isEmpty());
    }

    @Test
    void a_shared_postcode_adds_to_the_evidence() {
        double without = ChildMatcher.compare(id(null, "Kouao", "Anna", DOB, null), id(null, "Kowao", "Ana", DOB, null)).score();
        double with = ChildMatcher.compare(id(null, "Kouao", "Anna", DOB, "N17 0AA"), id(null, "Kowao", "Ana", DOB, "n170aa")).score();
        assertEquals(ChildMatcher.POSTCODE_BONUS, with - without, 0.002); // scores are rounded to 3 places
    }

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** Whether {@code b}, arriving after {@code a}, looks in a block {@code a} was filed in. */
    static boolean meet(ChildIdentity a, ChildIdentity b) {
        Set<String> shared = new java.util.TreeSet<>(ChildMatcher.blocks(b, TODAY).probed());
        shared.retainAll(ChildMatcher.blocks(a, TODAY).filed());
        return !shared.isEmpty();
    }

    @Test
    void blocking_keys_ignore_the_order_of_day_and_month_and_of_the_names() {
        assertEquals(ChildMatcher.blocks(id(null, "Kouao", "Anna", LocalDate.of(2016, 2, 11), null), TODAY),
                ChildMatcher.blocks(id(null, "Anna", "Kouao", DOB, null), TODAY));
    }

    @Test
    void records_meet_through_one_name_on_the_same_birthday_or_both_names_within_two_years_or_no_birthday() {
        ChildIdentity anna = id(null, "Kouao", "Anna", DOB, null);
        assertTrue(meet(anna, id(null, "Manning", "Anna", DOB, null)), "a step-family name");
        assertTrue(meet(anna, id(null, "Kouao", "Victoria", DOB, null)), "a known-as name");
        assertTrue(meet(anna, id(null, "Kouao", "Anna", DOB.withYear(2018), null)), "a year two out");
        assertTrue(meet(anna, id(null, "Kouao", "Anna", DOB.withYear(2010), null)), "any year, the same day and month");
        assertTrue(meet(anna, id(null, "Kouao", "Anna", null, null)), "no date of birth");
        assertTrue(meet(id(null, "Kouao", "Anna", null, null), anna), "no date of birth, first");
        assertTrue(meet(anna, id(null, "Kouao Mensah", "Anna Grace", DOB.withDayOfMonth(9), null)), "several parts, a day out");
        assertFalse(meet(anna, id(null, "Kouao", "Anna", LocalDate.of(2019, 4, 20), null)), "another date altogether");
        assertFalse(meet(anna, id(null, "Smith", "Jack", DOB, null)), "nothing in common but the birthday");
    }

    @Test
    void a_common_name_is_not_one_block_every_key_carries_part_of_the_date() {
        ChildMatcher.Blocks jack = ChildMatcher.blocks(id(null, "Smith", "Jack", DOB, null), TODAY);
        assertTrue(jack.filed().stream().allMatch(k -> k.matches("(nd|np|ny):.*\\|(\\d{4}(-\\d+-\\d+)?|\\d{4}\\|\\d+|\\d+-\\d+)")), jack.toString());
        // Records with known dates lock none of the year-only blocks, and the estimates' blocks only shared.
        assertTrue(jack.exclusive().stream().noneMatch(k -> k.startsWith("ny:") || k.startsWith("ne:")), jack.toString());
        assertTrue(jack.shared().stream().allMatch(k -> k.startsWith("ne:")), jack.toString());
    }

    @Test
    void an_estimate_and_a_known_date_meet_through_the_year_whichever_comes_first() {
        ChildIdentity known = id(null, "Kouao", "Anna", DOB, null);
        ChildIdentity estimated = ChildIdentity.of(null, new org.joinedup.events.concern.ChildIdentification(null, "Kouao",
                "Anna", DOB.minusYears(1).withMonth(6), null, List.of(), true, null));
        assertTrue(meet(known, estimated) && meet(estimated, known));
        // They meet in a block the estimate locks exclusively and the known date locks shared: serialised.
        Set<String> shared = new java.util.TreeSet<>(ChildMatcher.blocks(known, TODAY).shared());
        shared.retainAll(ChildMatcher.blocks(estimated, TODAY).exclusive());
        assertFalse(shared.isEmpty(), "two records that could be compared share a lock, one of them exclusive");
    }

    @Test
    void a_slip_in_any_one_part_of_the_date_keeps_both_names_in_one_block() {
        ChildIdentity anna = id(null, "Kouao", "Anna", DOB, null);
        assertTrue(meet(anna, id(null, "Kowao", "Ana", DOB.withDayOfMonth(20), null)), "the day");
        assertTrue(meet(anna, id(null, "Kowao", "Ana", DOB.withMonth(5), null)), "the month");
        assertTrue(meet(anna, id(null, "Kowao", "Ana", DOB.withYear(2012), null)), "the year");
    }
}
