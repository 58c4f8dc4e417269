package org.joinedup.console.forms;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When something was held: a date in GOV.UK's three boxes and a time (24-hour, "14:30"), in London, read as
 * the instant the API takes, or as what is wrong with it.
 */
public record Moment(DateParts date, String time) {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The time typed, or null when it is not one (9:05, 09:05, 14.30 and 1430 are). */
    public LocalTime localTime() {
        if (Fields.blank(time)) {
            return null;
        }
        String t = time.strip().replace('.', ':');
        if (t.matches("\\d{3,4}")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        }
        if (t.matches("\\d:\\d{2}")) {
            t = "0" + t;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What is wrong, or null: the date's problem first, then the time's. */
    public String problem(String label) {
        String d = date.problem(label);
        if (d != null) {
            return d;
        }
        if (Fields.blank(time)) {
            return label + " must include a time, like 14:30";
        }
        return localTime() == null ? label + " must include a real time, like 14:30" : null;
    }

    /** The instant (RFC 3339) for the API, or what was typed when it is not a moment, so the API names it too. */
    public String instant() {
        if (problem("x") != null) {
            return date.blank() && Fields.blank(time) ? null : "not-a-moment";
        }
        return date.date().atTime(localTime()).atZone(LONDON).toInstant().toString();
    }
}
