package org.joinedup.concern.child;

import org.joinedup.events.concern.ChildIdentification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ChildMatchKeysTest {
    private static final LocalDate DOB = LocalDate.of(2017, 3, 14);

    @Test
    void the_nhs_number_key_comes_first_then_the_demographic_key() {
        assertEquals(List.of("nhs:9434765919", "demographic:smith|anna|2017-03-14"),
                ChildMatchKeys.of(new ChildIdentification("9434765919", "Smith", "Anna", DOB, null)));
    }

    @Test
    void case_accents_spaces_hyphens_and_apostrophes_do_not_make_a_different_child() {
        assertEquals(
                ChildMatchKeys.of(new ChildIdentification(null, "O'Brien-Smith", "Zoë", DOB, null)),
                ChildMatchKeys.of(new ChildIdentification(null, "  obrien smith ", "ZOE", DOB, "N17 6AB")));
    }

    @Test
    void another_date_of_birth_is_another_key() {
        assertNotEquals(
                ChildMatchKeys.of(new ChildIdentification(null, "Smith", "Anna", DOB, null)),
                ChildMatchKeys.of(new ChildIdentification(null, "Smith", "Anna", DOB.plusDays(1), null)));
    }

    @Test
    void an_nhs_number_alone_gives_one_key() {
        assertEquals(List.of("nhs:9434765919"),
                ChildMatchKeys.of(new ChildIdentification("9434765919", null, "Anna", null, null)));
    }
}
