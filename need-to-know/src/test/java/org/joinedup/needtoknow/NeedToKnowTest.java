package org.joinedup.needtoknow;

import org.joinedup.events.access.AccessBasis;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The need-to-know policy, stated as its cases (docs/access.md). */
class NeedToKnowTest {
    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final UUID CHILD = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    static final UUID POLICE_CONCERN = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    static final UUID HEALTH_CONCERN = UUID.fromString("a0000000-0000-4000-8000-000000000002");
    static final UUID SHARE = UUID.fromString("b0000000-0000-4000-8000-000000000001");
    static final UUID REFERRAL = UUID.fromString("b0000000-0000-4000-8000-000000000002");
    static final UUID TEAM = UUID.fromString("b0000000-0000-4000-8000-000000000003");
    static final UUID GRANT = UUID.fromString("b0000000-0000-4000-8000-000000000004");

    static final RecordRef POLICE_RECORD = RecordRef.of(RecordKind.CONCERN, POLICE_CONCERN, "met-police");
    static final RecordRef HEALTH_RECORD = RecordRef.of(RecordKind.CONCERN, HEALTH_CONCERN, "whittington-health");

    static NeedToKnow.Reader lead(String agency) {
        return new NeedToKnow.Reader(agency, "lead-of-" + agency, false);
    }

    static Relationship rel(String agency, Via via, UUID record, List<UUID> concerns) {
        return new Relationship(CHILD, agency, via, record, record, concerns, null, NOW.minusSeconds(3600), null, null);
    }

    static Optional<NeedToKnow.Standing> standing(NeedToKnow.Reader reader, Set<String> frontDoors, Relationship... rels) {
        return NeedToKnow.standing(reader, new NeedToKnow.Facts(List.of(rels), frontDoors, NOW));
    }

    @Test
    void an_agency_with_no_relationship_sees_nothing_at_all() {
        assertTrue(standing(lead("riverside-academy"), Set.of("haringey-csc")).isEmpty());
        // Another agency's relationships are not the reader's.
        assertTrue(standing(lead("riverside-academy"), Set.of(),
                rel("met-police", Via.RAISED, POLICE_CONCERN, List.of())).isEmpty());
        // A token bound to no agency has no relationship with anyone.
        assertTrue(standing(new NeedToKnow.Reader(null, "someone", false), Set.of()).isEmpty());
    }

    @Test
    void an_agency_sees_its_own_records_in_full_and_the_others_as_headlines() {
        NeedToKnow.Standing s = standing(lead("met-police"), Set.of(),
                rel("met-police", Via.RAISED, POLICE_CONCERN, List.of())).orElseThrow();
        assertEquals(AccessBasis.RELATIONSHIP, s.basis());
        assertFalse(s.wholePicture());
        assertEquals(Sight.FULL, s.sight(POLICE_RECORD));
        assertEquals(Sight.HEADLINE, s.sight(HEALTH_RECORD));
        // A record the agency made counts as its own even before its relationship row names it.
        assertEquals(Sight.FULL, s.sight(RecordRef.of(RecordKind.FLAG, UUID.randomUUID(), "met-police")));
    }

    @Test
    void a_share_shows_the_concerns_it_carried_in_full_to_the_recipient_and_the_share_to_both_sides() {
        NeedToKnow.Standing school = standing(lead("riverside-academy"), Set.of(),
                rel("riverside-academy", Via.SHARED_TO, SHARE, List.of(POLICE_CONCERN))).orElseThrow();
        assertEquals(Sight.FULL, school.sight(POLICE_RECORD));
        assertEquals(Sight.HEADLINE, school.sight(HEALTH_RECORD));
        assertEquals(Sight.FULL, school.sight(RecordRef.of(RecordKind.SHARE, SHARE, "met-police")));
        // The concern ids a share carried count for concerns only: an id that happens to name another kind does not.
        assertEquals(Sight.HEADLINE, school.sight(RecordRef.of(RecordKind.REFERRAL, POLICE_CONCERN, "met-police")));
        // The sender holds the share too.
        NeedToKnow.Standing police = standing(lead("met-police"), Set.of(),
                rel("met-police", Via.SHARED_FROM, SHARE, List.of(POLICE_CONCERN))).orElseThrow();
        assertEquals(Sight.FULL, police.sight(RecordRef.of(RecordKind.SHARE, SHARE, "met-police")));
    }

    @Test
    void a_referral_shows_itself_to_both_sides_and_the_concerns_it_cited_to_the_receiver() {
        NeedToKnow.Standing receiver = standing(lead("homes-for-haringey"), Set.of(),
                rel("homes-for-haringey", Via.REFERRED_TO, REFERRAL, List.of(HEALTH_CONCERN))).orElseThrow();
        assertEquals(Sight.FULL, receiver.sight(RecordRef.of(RecordKind.REFERRAL, REFERRAL, "whittington-health")));
        assertEquals(Sight.FULL, receiver.sight(HEALTH_RECORD));
        assertEquals(Sight.HEADLINE, receiver.sight(POLICE_RECORD));
        NeedToKnow.Standing referrer = standing(lead("whittington-health"), Set.of(),
                rel("whittington-health", Via.REFERRED_FROM, REFERRAL, List.of(HEALTH_CONCERN))).orElseThrow();
        // The receiver's steps on the referral (acknowledged, decided) are recorded by the receiver: the referrer is a party.
        assertEquals(Sight.FULL, referrer.sight(RecordRef.of(RecordKind.REFERRAL, REFERRAL, "homes-for-haringey")));
        // Referring a concern does not open the receiver's concerns to the referrer.
        assertEquals(Sight.HEADLINE, referrer.sight(RecordRef.of(RecordKind.CONCERN, UUID.randomUUID(), "homes-for-haringey")));
    }

    @Test
    void a_team_member_sees_the_team_in_full_and_stops_when_it_leaves() {
        Relationship member = new Relationship(CHILD, "safe-steps", Via.TEAM_MEMBER, UUID.randomUUID(), TEAM, List.of(),
                null, NOW.minusSeconds(7200), null, null);
        NeedToKnow.Standing s = standing(lead("safe-steps"), Set.of(), member).orElseThrow();
        assertEquals(Sight.FULL, s.sight(RecordRef.of(RecordKind.TEAM, TEAM, "haringey-csc")));
        assertEquals(Sight.HEADLINE, s.sight(POLICE_RECORD));
        Relationship left = new Relationship(CHILD, "safe-steps", Via.TEAM_MEMBER, member.refId(), TEAM, List.of(), null,
                member.beganAt(), NOW.minusSeconds(60), null);
        assertTrue(standing(lead("safe-steps"), Set.of(), left).isEmpty());
    }

    @Test
    void the_front_door_sees_the_whole_picture() {
        NeedToKnow.Standing s = standing(lead("haringey-csc"), Set.of("haringey-csc")).orElseThrow();
        assertEquals(AccessBasis.FRONT_DOOR, s.basis());
        assertTrue(s.wholePicture());
        assertEquals(Sight.FULL, s.sight(POLICE_RECORD));
        assertEquals(Sight.FULL, s.sight(HEALTH_RECORD));
    }

    @Test
    void break_glass_is_the_granted_lead_s_alone_and_ends_when_it_expires() {
        Relationship grant = new Relationship(CHILD, "riverside-academy", Via.EMERGENCY_ACCESS, GRANT, GRANT, List.of(),
                "lead-of-riverside-academy", NOW.minusSeconds(60), null, NOW.plusSeconds(3600));
        NeedToKnow.Standing s = standing(lead("riverside-academy"), Set.of(), grant).orElseThrow();
        assertEquals(AccessBasis.EMERGENCY_ACCESS, s.basis());
        assertEquals(NOW.plusSeconds(3600), s.emergencyUntil());
        assertEquals(Sight.FULL, s.sight(POLICE_RECORD));
        // A colleague at the same agency gets nothing from it.
        assertTrue(standing(new NeedToKnow.Reader("riverside-academy", "another-lead", false), Set.of(), grant).isEmpty());
        // Expired, even by a moment: back to the normal policy at once.
        Relationship expired = new Relationship(CHILD, "riverside-academy", Via.EMERGENCY_ACCESS, GRANT, GRANT, List.of(),
                "lead-of-riverside-academy", NOW.minusSeconds(86400), null, NOW);
        assertTrue(standing(lead("riverside-academy"), Set.of(), expired).isEmpty());
        // With a relationship of its own as well, an expired grant leaves that relationship's sight.
        NeedToKnow.Standing after = standing(lead("riverside-academy"), Set.of(), expired,
                rel("riverside-academy", Via.RAISED, UUID.randomUUID(), List.of())).orElseThrow();
        assertEquals(AccessBasis.RELATIONSHIP, after.basis());
        assertEquals(Sight.HEADLINE, after.sight(POLICE_RECORD));
    }

    @Test
    void who_broke_the_glass_and_why_is_shown_in_full_to_every_agency_involved() {
        NeedToKnow.Standing police = standing(lead("met-police"), Set.of(),
                rel("met-police", Via.RAISED, POLICE_CONCERN, List.of())).orElseThrow();
        assertEquals(Sight.FULL, police.sight(RecordRef.of(RecordKind.EMERGENCY_ACCESS, GRANT, "riverside-academy")));
    }

    @Test
    void an_inspector_sees_everything() {
        NeedToKnow.Standing s = standing(new NeedToKnow.Reader(null, "inspector-1", true), Set.of()).orElseThrow();
        assertEquals(AccessBasis.INSPECTOR, s.basis());
        assertEquals(Sight.FULL, s.sight(POLICE_RECORD));
    }

    @Test
    void the_front_door_outranks_break_glass_as_the_basis_recorded() {
        Relationship grant = new Relationship(CHILD, "haringey-csc", Via.EMERGENCY_ACCESS, GRANT, GRANT, List.of(),
                "lead-of-haringey-csc", NOW.minusSeconds(60), null, NOW.plusSeconds(60));
        assertEquals(AccessBasis.FRONT_DOOR, standing(lead("haringey-csc"), Set.of("haringey-csc"), grant).orElseThrow().basis());
    }
}
