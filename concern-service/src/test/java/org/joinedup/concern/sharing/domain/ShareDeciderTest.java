package org.joinedup.concern.sharing.domain;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.concern.ShareEvent;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given a share's past events, when an agency shares or the recipient acknowledges, then these events or a named refusal. */
class ShareDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final UUID SHARE = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final UUID CONCERN = UUID.randomUUID();
    static final UUID AGREEMENT = UUID.randomUUID();
    static final Consent NOT_SOUGHT = new Consent(Consent.NOT_SOUGHT, "would place the child at risk");
    static final List<Refusal.Violation> GAP = List.of(new Refusal.Violation("concernIds", "agreement-required",
            "'neglect' for 'safeguarding': no active agreement"));

    final DeciderSpec<ShareCommand, ShareState, ShareEvent> share = DeciderSpec.of(new ShareDecider());

    static ShareCommand.Share command(ShareCommand.Coverage coverage, String justification, boolean lead) {
        return new ShareCommand.Share(SHARE, CHILD, "met-police", "northside-primary", List.of(CONCERN), null, "safeguarding",
                "public-task", NOT_SOUGHT, coverage, justification, new ShareCommand.Sharer("pc-1", lead), NOW);
    }

    @Test
    void a_share_an_agreement_covers_goes_under_that_agreement() {
        share.when(command(new ShareCommand.Coverage(AGREEMENT, List.of()), null, false))
                .then(new InformationShared(SHARE, CHILD, "met-police", "northside-primary", List.of(CONCERN), null,
                        "safeguarding", "public-task", NOT_SOUGHT, AGREEMENT, false, null, "pc-1", NOW));
    }

    @Test
    void without_a_covering_agreement_and_no_justification_the_share_is_refused_naming_each_gap() {
        Refusal.Forbidden refused = share.when(command(new ShareCommand.Coverage(null, GAP), null, true))
                .forbidden(ShareDecider.NO_SHARING_AGREEMENT);
        assertEquals(GAP, refused.violations());
    }

    @Test
    void an_override_is_for_safeguarding_leads_and_names_no_agreement() {
        share.when(command(new ShareCommand.Coverage(null, GAP), "child at risk tonight", false))
                .forbidden(ShareDecider.LEAD_OVERRIDE_ONLY);
        share.when(command(new ShareCommand.Coverage(AGREEMENT, GAP), "child at risk tonight", true)).thenEvents(events -> {
            InformationShared s = (InformationShared) events.get(0);
            assertEquals(true, s.override());
            assertEquals(null, s.agreementId());
            assertEquals("child at risk tonight", s.justification());
        });
    }

    @Test
    void a_justification_without_need_of_one_is_not_recorded() {
        share.when(command(new ShareCommand.Coverage(AGREEMENT, List.of()), "just in case", false))
                .thenEvents(events -> assertEquals(null, ((InformationShared) events.get(0)).justification()));
    }

    @Test
    void the_recipient_acknowledges_once_and_anyone_else_is_told_there_is_no_such_share() {
        share.givenAccepted(command(new ShareCommand.Coverage(AGREEMENT, List.of()), null, false));
        share.when(new ShareCommand.Acknowledge(SHARE, "haringey-csc", "sw-1", NOW)).notFound();
        share.when(new ShareCommand.Acknowledge(SHARE, "northside-primary", "dsl-1", NOW))
                .then(new InformationShareAcknowledged(SHARE, CHILD, "northside-primary", "dsl-1", NOW));
        share.when(new ShareCommand.Acknowledge(SHARE, "northside-primary", "dsl-2", NOW)).thenNothing();
        share.when(command(new ShareCommand.Coverage(AGREEMENT, List.of()), null, false)).conflict("share-exists");
        DeciderSpec.of(new ShareDecider()).when(new ShareCommand.Acknowledge(SHARE, "northside-primary", "dsl-1", NOW))
                .notFound();
    }
}
