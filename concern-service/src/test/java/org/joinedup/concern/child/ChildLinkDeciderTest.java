package org.joinedup.concern.child;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given the link's past events, when a lead decides, then these events (or this refusal). */
class ChildLinkDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final UUID LINK = UUID.randomUUID();
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final ChildRecordsLinked LINKED = new ChildRecordsLinked(LINK, A, B, null, "same GP and school", "lead-1", NOW);

    @Test
    void given_two_separate_records_when_linked_then_child_records_linked_with_who_and_why() {
        assertEquals(List.of(LINKED), ChildLinkDecider.link(LINK, A, B, null, "same GP and school", "lead-1", false, NOW));
    }

    @Test
    void given_records_already_read_as_one_when_linked_then_409() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ChildLinkDecider.link(LINK, A, B, null, "again", "lead-1", true, NOW));
        assertEquals(409, e.problem().status());
    }

    @Test
    void a_record_is_not_linked_to_itself() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ChildLinkDecider.link(LINK, A, A, null, "same", "lead-1", false, NOW));
        assertEquals(422, e.problem().status());
        assertEquals("linkedChildId", e.problem().violations().get(0).field());
    }

    @Test
    void given_a_link_when_unlinked_then_child_records_unlinked_naming_both_records() {
        List<EventPayload> events = ChildLinkDecider.unlink(LINK, List.of(LINKED), "twins", "lead-2", NOW);
        assertEquals(List.of(new ChildRecordsUnlinked(LINK, A, B, "twins", "lead-2", NOW)), events);
    }

    @Test
    void given_an_undone_link_when_unlinked_again_then_409() {
        List<EventPayload> past = List.of(LINKED, new ChildRecordsUnlinked(LINK, A, B, "twins", "lead-2", NOW));
        assertEquals(409, assertThrows(ProblemException.class,
                () -> ChildLinkDecider.unlink(LINK, past, "again", "lead-2", NOW)).problem().status());
    }

    @Test
    void given_no_link_when_unlinked_then_404() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> ChildLinkDecider.unlink(LINK, List.of(), "?", "lead-2", NOW)).problem().status());
    }
}
