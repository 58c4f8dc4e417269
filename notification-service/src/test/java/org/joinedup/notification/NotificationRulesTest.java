package org.joinedup.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.joinedup.events.EventJson;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.notification.notify.NotificationKind;
import org.joinedup.notification.notify.NotificationRules;
import org.joinedup.notification.notify.NotificationRules.Recipient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given an event, which notifications to whom: each rule, and that no headline carries the detail. */
class NotificationRulesTest {
    static final Instant AT = Instant.parse("2026-12-05T09:00:00Z");
    final UUID child = UUID.randomUUID();

    static JsonNode json(Object payload) throws Exception {
        return EventJson.mapper().readTree(EventJson.write((org.joinedup.events.EventPayload) payload));
    }

    @Test
    void a_share_tells_the_receiving_agency_and_teaches_who_sent_it() throws Exception {
        UUID share = UUID.randomUUID();
        JsonNode data = json(new InformationShared(share, child, "met-police", "northside-primary", List.of(UUID.randomUUID()),
                "Bruising seen on the arm; mother's partner named", "safeguarding", "public-task",
                new Consent(Consent.NOT_SOUGHT, "would place the child at risk"), UUID.randomUUID(), false, null, "pc-1", AT));
        List<NotificationRules.Planned> planned = NotificationRules.plan("information-shared", data);
        assertEquals(1, planned.size());
        assertEquals(NotificationKind.SHARE_RECEIVED, planned.get(0).kind());
        assertEquals(List.of(new Recipient.Agency("northside-primary")), planned.get(0).recipients());
        assertEquals(child, planned.get(0).childId());
        assertEquals(share, planned.get(0).resourceId());
        assertFalse(planned.get(0).headline().contains("Bruising"), "the note never travels in a notification");
        assertEquals(Optional.of(new NotificationRules.Fact.ShareSent(share, "met-police", "northside-primary")),
                NotificationRules.learn("information-shared", data));
    }

    @Test
    void an_acknowledgement_tells_the_sender_whom_an_earlier_share_names() throws Exception {
        UUID share = UUID.randomUUID();
        List<NotificationRules.Planned> planned = NotificationRules.plan("information-share-acknowledged",
                json(new InformationShareAcknowledged(share, child, "northside-primary", "lead-2", AT)));
        assertEquals(NotificationKind.SHARE_ACKNOWLEDGED, planned.get(0).kind());
        assertEquals(List.of(new Recipient.ShareSender(share)), planned.get(0).recipients());
    }

    @Test
    void a_referral_tells_the_receiving_agency_and_its_decision_both_sides() throws Exception {
        UUID referral = UUID.randomUUID();
        JsonNode made = json(new ReferralMade(referral, child, "northside-primary", "haringey-csc", "t-1", List.of(),
                "Disclosure in class", "urgent", "yes", new Consent(Consent.GIVEN, null), AT, AT.plusSeconds(86_400)));
        NotificationRules.Planned received = NotificationRules.plan("referral-made", made).get(0);
        assertEquals(NotificationKind.REFERRAL_RECEIVED, received.kind());
        assertEquals(List.of(new Recipient.Agency("haringey-csc")), received.recipients());
        assertFalse(received.headline().contains("Disclosure"));
        assertTrue(received.headline().endsWith("a decision is due by 2026-12-06 09:00 UTC"), received.headline());
        assertTrue(NotificationRules.learn("referral-made", made).isPresent());
        NotificationRules.Planned decided = NotificationRules.plan("referral-decided", json(new ReferralDecided(referral, child,
                "haringey-csc", "sw-1", "section-47-enquiry", "risk of significant harm", AT, null, null))).get(0);
        assertEquals(List.of(new Recipient.ReferralSides(referral)), decided.recipients());
    }

    @Test
    void break_glass_tells_every_agency_whose_records_were_opened() throws Exception {
        NotificationRules.Planned p = NotificationRules.plan("emergency-access-granted", json(new EmergencyAccessGranted(
                UUID.randomUUID(), child, "safe-steps", "lead-9", "afraid to go home; the MASH line is closed tonight",
                AT, AT.plusSeconds(86_400), List.of("met-police", "haringey-csc")))).get(0);
        assertEquals(NotificationKind.EMERGENCY_ACCESS, p.kind());
        assertEquals(List.of(new Recipient.Agency("met-police"), new Recipient.Agency("haringey-csc")), p.recipients());
        assertFalse(p.headline().contains("afraid"), "the justification stays behind the API");
    }

    @Test
    void events_nobody_is_told_about_make_nothing() throws Exception {
        assertEquals(List.of(), NotificationRules.plan("concern-raised", EventJson.mapper().readTree("{}")));
        assertEquals(Optional.empty(), NotificationRules.learn("concern-raised", EventJson.mapper().readTree("{}")));
    }
}
