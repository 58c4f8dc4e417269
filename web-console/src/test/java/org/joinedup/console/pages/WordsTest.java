package org.joinedup.console.pages;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How the console writes the services' instants, deadlines and names for people. */
class WordsTest {
    @Test
    void a_deadline_at_midnight_is_the_end_of_the_day_before() {
        assertEquals("the end of 7 December 2026", ChronologyView.deadline("2026-12-08T00:00:00Z"));
        // British Summer Time: midnight in London is 23:00 UTC the day before.
        assertEquals("the end of 14 July 2026", ChronologyView.deadline("2026-07-14T23:00:00Z"));
    }

    @Test
    void any_other_deadline_is_written_with_its_time_in_london() {
        assertEquals("8 December 2026, 17:30", ChronologyView.deadline("2026-12-08T17:30:00Z"));
        assertEquals("14 July 2026, 18:30", ChronologyView.deadline("2026-07-14T17:30:00Z"));
        assertNull(ChronologyView.deadline(null));
        assertNull(ChronologyView.deadline(""));
    }

    @Test
    void dates_and_names_read_as_words() {
        assertEquals("19 December 2026", Casework.day("2026-12-19"));
        assertNull(Casework.day(null));
        assertEquals("Missing from education", Labels.words("missing-from-education"));
        assertEquals("Concern raised", Labels.type("concern-raised"));
        assertEquals("Decision overdue now", Labels.type("decision-overdue-now"), "an unknown type is still words");
    }
}
