package org.joinedup.platform.http;

import org.joinedup.events.concern.RiskLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each check names the field and the rule, and collects every violation before the request is refused. */
class FieldErrorsTest {
    static List<String> rules(FieldErrors errors) {
        return errors.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void texts_are_stripped_required_and_bounded() {
        FieldErrors errors = new FieldErrors();
        assertEquals("why", errors.text("reason", "  why ", 10));
        assertNull(errors.text("name", "   ", 10));
        errors.text("note", "x".repeat(11), 10);
        assertNull(errors.optionalText("extra", null, 10));
        assertEquals(List.of("name:required", "note:max-length"), rules(errors));
    }

    @Test
    void uuids_dates_date_times_and_vocabularies_name_their_rule() {
        FieldErrors errors = new FieldErrors();
        UUID id = UUID.randomUUID();
        assertEquals(id, errors.uuid("childId", " " + id + " ", true));
        assertNull(errors.uuid("candidateId", null, false));
        assertNull(errors.uuid("linkedChildId", null, true));
        assertNull(errors.uuid("teamId", "team-1", true));
        assertEquals(LocalDate.parse("2026-12-04"), errors.date("dueOn", "2026-12-04", true));
        assertNull(errors.date("heldOn", "4/12/2026", true));
        assertEquals(Instant.parse("2026-11-23T13:30:00Z"), errors.dateTime("heldAt", "2026-11-23T14:30:00+01:00"));
        assertNull(errors.dateTime("at", "yesterday"));
        assertEquals(RiskLevel.HIGH, errors.oneOf("riskLevel", "high", RiskLevel.class));
        assertNull(errors.oneOf("urgency", "soonish", RiskLevel.class));
        assertEquals(List.of("linkedChildId:required", "teamId:uuid", "heldOn:date", "at:date-time", "urgency:one-of"),
                rules(errors));
        assertTrue(errors.violations().get(4).message().contains("low, medium, high, immediate"));
    }
}
