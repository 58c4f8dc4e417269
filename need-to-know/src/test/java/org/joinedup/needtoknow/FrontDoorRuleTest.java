package org.joinedup.needtoknow;

import org.joinedup.directory.view.Postcodes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whose front door a child is at: the children's social care of the area where the child lives. */
class FrontDoorRuleTest {
    static final FrontDoorRule.FrontDoor HARINGEY = new FrontDoorRule.FrontDoor("haringey-csc", "Haringey",
            List.of("N8", "N15", "N17", "N22", "N4 1"));
    static final FrontDoorRule.FrontDoor ISLINGTON = new FrontDoorRule.FrontDoor("islington-csc", "Islington",
            List.of("N1", "N4", "N7", "N19"));
    static final List<FrontDoorRule.FrontDoor> AGENCIES = List.of(HARINGEY, ISLINGTON);

    static Postcodes.Place place(String postcode) {
        return Postcodes.place(postcode).orElseThrow();
    }

    static Set<String> doors(List<Postcodes.Place> places, Set<String> recordingAreas) {
        return FrontDoorRule.frontDoors(places, () -> recordingAreas, AGENCIES);
    }

    @Test
    void the_district_of_the_child_s_postcode_names_the_front_door() {
        assertEquals(Set.of("haringey-csc"), doors(List.of(place("N17 0AA")), Set.of("Islington")));
        assertEquals(Set.of("islington-csc"), doors(List.of(place("n7 6px")), Set.of("Haringey")));
    }

    @Test
    void a_sector_named_by_one_agency_wins_over_a_district_named_by_another() {
        // N4 is split between boroughs: Islington names the district, Haringey the sector N4 1.
        assertEquals(Set.of("haringey-csc"), doors(List.of(place("N4 1AB")), Set.of()));
        assertEquals(Set.of("islington-csc"), doors(List.of(place("N4 2AB")), Set.of()));
    }

    @Test
    void records_placing_the_child_in_two_areas_give_both_front_doors() {
        assertEquals(Set.of("haringey-csc", "islington-csc"), doors(List.of(place("N17 0AA"), place("N1 9GU")), Set.of()));
    }

    @Test
    void without_a_place_the_front_door_is_that_of_the_area_the_record_came_from() {
        assertEquals(Set.of("haringey-csc"), doors(List.of(), Set.of("haringey")));
        // A postcode no front door names is no better than none.
        assertEquals(Set.of("islington-csc"), doors(List.of(place("M1 1AE")), Set.of("Islington")));
        assertEquals(Set.of(), doors(List.of(), Set.of("Camden")));
    }

    @Test
    void the_recording_areas_are_read_only_when_no_place_settles_it() {
        AtomicInteger asked = new AtomicInteger();
        FrontDoorRule.frontDoors(List.of(place("N17 0AA")), () -> {
            asked.incrementAndGet();
            return Set.of();
        }, AGENCIES);
        assertEquals(0, asked.get());
    }
}
