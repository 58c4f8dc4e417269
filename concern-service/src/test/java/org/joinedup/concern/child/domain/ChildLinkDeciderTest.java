package org.joinedup.concern.child.domain;

import org.joinedup.events.concern.ChildLinkEvent;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** Given the link's past events, when a lead decides, then these events or a named refusal. */
class ChildLinkDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final UUID LINK = UUID.randomUUID();
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final ChildRecordsLinked LINKED = new ChildRecordsLinked(LINK, A, B, null, "same GP and school", "lead-1", NOW);
    static final ChildRecordsUnlinked UNLINKED = new ChildRecordsUnlinked(LINK, A, B, "twins", "lead-2", NOW);

    DeciderSpec<ChildLinkCommand, ChildLinkState, ChildLinkEvent> link = DeciderSpec.of(new ChildLinkDecider());

    @Test
    void given_two_separate_records_when_linked_then_child_records_linked_with_who_and_why() {
        link.when(new ChildLinkCommand.Link(LINK, A, B, null, "same GP and school", "lead-1", false, NOW)).then(LINKED);
    }

    @Test
    void given_records_already_read_as_one_when_linked_then_already_linked() {
        link.when(new ChildLinkCommand.Link(LINK, A, B, null, "again", "lead-1", true, NOW)).conflict("already-linked");
    }

    @Test
    void a_record_is_not_linked_to_itself() {
        link.when(new ChildLinkCommand.Link(LINK, A, A, null, "same", "lead-1", false, NOW))
                .unusable("linkedChildId", "different-child");
    }

    @Test
    void given_a_link_when_unlinked_then_child_records_unlinked_naming_both_records() {
        link.given(LINKED).when(new ChildLinkCommand.Unlink(LINK, "twins", "lead-2", NOW)).then(UNLINKED);
    }

    @Test
    void given_an_undone_link_when_unlinked_again_then_already_unlinked() {
        link.given(LINKED, UNLINKED).when(new ChildLinkCommand.Unlink(LINK, "again", "lead-2", NOW)).conflict("already-unlinked");
    }

    @Test
    void given_no_link_when_unlinked_then_not_found() {
        link.when(new ChildLinkCommand.Unlink(LINK, "?", "lead-2", NOW)).notFound();
    }
}
