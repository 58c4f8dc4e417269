package org.joinedup.needtoknow;

import org.joinedup.directory.view.Postcodes;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A child's front door: the children's social care agency (or MASH) of the area where the child
 * lives. Each record of the child gives its latest place; an agency that names the place's postcode
 * sector ({@code N4 1}) is the front door there, else one that names its district ({@code N17}).
 * Where no record places the child inside any front door's postcodes (no postcode known, or one no
 * agency covers), the front doors are the children's social care agencies of the areas of the
 * agencies that recorded something about the child: the local authority the concern came from. Pure.
 */
public final class FrontDoorRule {
    private FrontDoorRule() {
    }

    /** An active children's social care agency: its area and the postcode districts and sectors it names. */
    public record FrontDoor(String agencyId, String area, Collection<String> codes) {
    }

    /**
     * @param places         the latest place of each record of the child (may be empty)
     * @param recordingAreas the areas of the agencies that recorded something about the child, asked
     *                       for only when no place settles it
     * @param agencies       the active children's social care agencies
     */
    public static Set<String> frontDoors(Collection<Postcodes.Place> places, Supplier<Set<String>> recordingAreas,
                                         Collection<FrontDoor> agencies) {
        Set<String> doors = new LinkedHashSet<>();
        for (Postcodes.Place place : places) {
            Set<String> bySector = place.sector() == null ? Set.of() : covering(place.sector(), agencies);
            doors.addAll(bySector.isEmpty() ? covering(place.district(), agencies) : bySector);
        }
        if (doors.isEmpty()) {
            Set<String> areas = new LinkedHashSet<>();
            recordingAreas.get().forEach(a -> areas.add(a.toLowerCase(Locale.ROOT)));
            agencies.stream().filter(a -> a.area() != null && areas.contains(a.area().toLowerCase(Locale.ROOT)))
                    .forEach(a -> doors.add(a.agencyId()));
        }
        return doors;
    }

    private static Set<String> covering(String code, Collection<FrontDoor> agencies) {
        Set<String> found = new LinkedHashSet<>();
        if (code != null) {
            agencies.stream().filter(a -> a.codes().contains(code)).forEach(a -> found.add(a.agencyId()));
        }
        return found;
    }
}
