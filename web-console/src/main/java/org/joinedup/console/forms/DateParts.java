package org.joinedup.console.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date typed in GOV.UK's date input (day, month, year in three boxes), read as a date or as the message the
 * pattern asks for: what is missing, or that it must be a real date.
 *
 * @param day   as typed
 * @param month as typed (a number, or a month's name or its first three letters)
 * @param year  as typed
 */
public record DateParts(String day, String month, String year) {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec");

    public static final DateParts EMPTY = new DateParts(null, null, null);

    public boolean blank() {
        return Fields.blank(day) && Fields.blank(month) && Fields.blank(year);
    }

    /** The date, or null when a part is missing or it is not a real date (then {@link #problem} says why). */
    public LocalDate date() {
        try {
            return problem("Date") == null ? LocalDate.of(Integer.parseInt(year.strip()), monthNumber(), Integer.parseInt(day.strip()))
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The date as the API takes it (YYYY-MM-DD), or what was typed when it is not a date (the API then names it). */
    public String iso() {
        LocalDate d = date();
        return d != null ? d.toString() : blank() ? null : (year + "-" + month + "-" + day).replace(" ", "");
    }

    /**
     * What is wrong, in GOV.UK's words, or null when it is a real date.
     *
     * @param label how the form names the date, e.g. "Date of the review"
     */
    public String problem(String label) {
        if (blank()) {
            return "Enter " + lower(label);
        }
        List<String> missing = new ArrayList<>();
        if (Fields.blank(day)) {
            missing.add("a day");
        }
        if (Fields.blank(month)) {
            missing.add("a month");
        }
        if (Fields.blank(year)) {
            missing.add("a year");
        }
        if (!missing.isEmpty()) {
            return label + " must include " + String.join(" and ", missing);
        }
        try {
            if (year.strip().length() != 4) {
                return "Year must include 4 numbers";
            }
            LocalDate.of(Integer.parseInt(year.strip()), monthNumber(), Integer.parseInt(day.strip()));
            return null;
        } catch (NumberFormatException | DateTimeException e) {
            return label + " must be a real date";
        }
    }

    private int monthNumber() {
        String m = month.strip().toLowerCase(java.util.Locale.ROOT);
        if (m.length() >= 3 && MONTHS.contains(m.substring(0, 3))) {
            return MONTHS.indexOf(m.substring(0, 3)) + 1;
        }
        return Integer.parseInt(m);
    }

    /** The parts of a date the API gave (YYYY-MM-DD), to fill the boxes again. */
    public static DateParts of(LocalDate date) {
        return date == null ? EMPTY : new DateParts(Integer.toString(date.getDayOfMonth()),
                Integer.toString(date.getMonthValue()), Integer.toString(date.getYear()));
    }

    private static String lower(String label) {
        return label.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + label.substring(1);
    }
}
