package org.joinedup.directory.view;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostcodesTest {
    @Test
    void a_postcode_gives_its_district_and_sector_however_it_was_typed() {
        assertEquals(Optional.of(new Postcodes.Place("N17", "N17 0")), Postcodes.place("N17 0AA"));
        assertEquals(Optional.of(new Postcodes.Place("N17", "N17 0")), Postcodes.place(" n170aa "));
        assertEquals(Optional.of(new Postcodes.Place("SW1A", "SW1A 1")), Postcodes.place("SW1A  1AA"));
        assertEquals(Optional.of(new Postcodes.Place("EC1V", "EC1V 9")), Postcodes.place("ec1v 9ht"));
    }

    @Test
    void a_district_or_sector_alone_is_a_place_too() {
        assertEquals(Optional.of(new Postcodes.Place("N17", null)), Postcodes.place("N17"));
        assertEquals(Optional.of(new Postcodes.Place("N4", "N4 1")), Postcodes.place("n4 1"));
    }

    @Test
    void what_is_not_a_postcode_places_nowhere() {
        for (String s : new String[] {null, "", "   ", "NFA", "no fixed abode", "12345", "N17 0AAA", "N\u000017"}) {
            assertEquals(Optional.empty(), Postcodes.place(s), String.valueOf(s));
        }
    }

    @Test
    void a_front_door_names_districts_and_sectors_in_one_normal_form() {
        assertEquals(Optional.of("N17"), Postcodes.coverageCode(" n17 "));
        assertEquals(Optional.of("N4 1"), Postcodes.coverageCode("n4  1"));
        assertEquals(Optional.empty(), Postcodes.coverageCode("N17 0AA"));
        assertEquals(Optional.empty(), Postcodes.coverageCode("Haringey"));
        assertEquals(Optional.empty(), Postcodes.coverageCode(null));
    }
}
