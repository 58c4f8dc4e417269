package org.joinedup.concern;

import org.joinedup.concern.picture.BiggerPictureRules;
import org.joinedup.concern.picture.BiggerPictureRules.Fired;
import org.joinedup.concern.picture.BiggerPictureRules.Piece;
import org.joinedup.concern.picture.BiggerPictureSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bigger-picture rules at their edges, without Quarkus. */
class BiggerPictureRulesTest {
    static final BiggerPictureSettings DEFAULTS = new BiggerPictureSettings() {
        public int minAgencies() { return 2; }
        public Duration agenciesWindow() { return Duration.ofDays(90); }
        public int minConcerns() { return 3; }
        public Duration concernsWindow() { return Duration.ofDays(30); }
        public String highestRiskLevel() { return "immediate"; }
    };
    static final Instant T = Instant.parse("2026-11-01T12:00:00Z");

    static Piece piece(String agency, long daysBefore, String risk) {
        return new Piece(UUID.randomUUID(), agency, T.minus(Duration.ofDays(daysBefore)), risk);
    }

    static List<String> rules(List<Fired> fired) {
        return fired.stream().map(Fired::rule).toList();
    }

    @Test
    void two_agencies_within_90_days_fire_and_91_days_apart_do_not() {
        Piece school = piece("school", 90, "low");
        Piece police = piece("police", 0, "medium");
        List<Fired> fired = BiggerPictureRules.evaluate(List.of(school, police), police.id(), DEFAULTS);
        assertEquals(List.of("several-agencies"), rules(fired));
        assertEquals(List.of(school.id(), police.id()), fired.get(0).concernIds());
        assertEquals(List.of("police", "school"), fired.get(0).agencies());

        Piece old = piece("school", 91, "low");
        assertEquals(List.of(), BiggerPictureRules.evaluate(List.of(old, police), police.id(), DEFAULTS));
    }

    @Test
    void one_agency_alone_is_not_several_but_three_concerns_in_30_days_are_frequent() {
        Piece a = piece("police", 30, "low");
        Piece b = piece("police", 10, "low");
        Piece c = piece("police", 0, "low");
        assertEquals(List.of(), BiggerPictureRules.evaluate(List.of(b, c), c.id(), DEFAULTS));
        List<Fired> fired = BiggerPictureRules.evaluate(List.of(a, b, c), c.id(), DEFAULTS);
        assertEquals(List.of("frequent-concerns"), rules(fired));
        assertEquals(3, fired.get(0).concernIds().size());
        Piece tooOld = piece("police", 31, "low");
        assertEquals(List.of(), BiggerPictureRules.evaluate(List.of(tooOld, b, c), c.id(), DEFAULTS));
    }

    @Test
    void any_concern_at_the_highest_risk_level_fires_on_its_own() {
        Piece urgent = piece("health", 0, "immediate");
        List<Fired> fired = BiggerPictureRules.evaluate(List.of(urgent), urgent.id(), DEFAULTS);
        assertEquals(List.of("highest-risk"), rules(fired));
        assertEquals(List.of(), BiggerPictureRules.evaluate(List.of(piece("health", 0, "high")),
                UUID.randomUUID(), DEFAULTS));
    }

    @Test
    void a_rule_fires_only_when_the_changed_concern_is_behind_it() {
        Piece school = piece("school", 400, "low");
        Piece police = piece("police", 399, "low");
        Piece later = piece("health", 0, "low");
        List<Fired> fired = BiggerPictureRules.evaluate(List.of(school, police, later), later.id(), DEFAULTS);
        assertTrue(fired.isEmpty(), fired.toString());
    }

    @Test
    void a_note_shared_by_another_agency_is_a_piece_of_the_picture_and_named_apart_from_concerns() {
        Piece police = piece("police", 10, "low");
        Piece note = new Piece(UUID.randomUUID(), "school", T, null, true);
        List<Fired> fired = BiggerPictureRules.evaluate(List.of(police, note), note.id(), DEFAULTS);
        assertEquals(List.of("several-agencies"), rules(fired));
        assertEquals(List.of(police.id()), fired.get(0).concernIds());
        assertEquals(List.of(note.id()), fired.get(0).shareIds());
        assertEquals("2 agencies raised concerns or shared notes within 90 days", fired.get(0).summary());
    }

    @Test
    void a_note_has_no_risk_level_so_it_never_fires_highest_risk_alone() {
        Piece note = new Piece(UUID.randomUUID(), "school", T, null, true);
        assertEquals(List.of(), BiggerPictureRules.evaluate(List.of(note), note.id(), DEFAULTS));
    }

    @Test
    void after_a_link_only_the_widest_picture_per_rule_is_flagged() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        Fired narrow = new Fired("frequent-concerns", List.of(a, b, c), List.of(), List.of("police"), "3");
        Fired wide = new Fired("frequent-concerns", List.of(a, b, c, UUID.randomUUID()), List.of(), List.of("police"), "4");
        Fired again = new Fired("frequent-concerns", List.of(c, b, a), List.of(), List.of("police"), "3");
        Fired other = new Fired("several-agencies", List.of(a, b), List.of(), List.of("police", "school"), "2");
        assertEquals(List.of(wide, other), org.joinedup.concern.picture.BiggerPicture.widest(List.of(narrow, wide, again, other)));
        assertEquals(List.of(narrow), org.joinedup.concern.picture.BiggerPicture.widest(List.of(narrow, again)));
    }
}
