package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A page of a child's chronology as the console shows it: each entry in words, in full or as a headline
 * (from the need-to-know policy, decided by audit-service), flags marked, linked records noted.
 */
public record ChronologyView(String childId, String basis, String emergencyAccessUntil, long total, int page, int pages,
                             List<Entry> entries, List<String> linkedRecords, Filters filters, WellbeingWheel wheel) {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(LONDON);

    /**
     * One entry.
     *
     * @param headline  true when the caller's agency may know only that the record exists
     * @param whomToCall for a headline: the agency's contact to call
     * @param flag      a bigger-picture flag: shown so it stands out
     * @param linked    filed under another record of the child (a lead linked them)
     */
    public record Entry(String occurredAt, String recordedAt, String agencyId, String agency, String title, String category,
                        String risk, List<String> indicators, String text, String childsVoice, boolean headline,
                        String whomToCall, boolean flag, boolean linked) {
        /** The GOV.UK tag colour for the risk level. */
        public String riskTag() {
            return risk == null ? null : switch (risk) {
                case "Immediate" -> "govuk-tag--red";
                case "High" -> "govuk-tag--orange";
                case "Medium" -> "govuk-tag--yellow";
                default -> "govuk-tag--grey";
            };
        }
    }

    /** What the chronology is narrowed to, as the filter form shows it. */
    public record Filters(String agencyId, String kind, String category, String indicator, String from, String to,
                          String order) {
        /** No filter, newest first. */
        public static final Filters NONE = new Filters(null, null, null, null, null, null, "newest");

        public boolean any() {
            return agencyId != null || kind != null || category != null || indicator != null || from != null || to != null;
        }
    }

    static ChronologyView of(String childId, JsonNode c, int page, int perPage, Map<String, String> agencyNames,
                             Filters filters) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : c.path("entries")) {
            boolean headline = "headline".equals(e.path("visibility").asText());
            JsonNode data = e.path("data");
            JsonNode h = e.path("headline");
            String agencyId = e.path("agencyId").asText(null);
            String category = headline ? h.path("category").asText(null) : first(data, "category", "rule", "outcome", "urgency");
            List<String> indicators = new ArrayList<>();
            data.path("wellbeingIndicators").forEach(i -> indicators.add(Labels.words(i.asText())));
            String whom = null;
            if (headline) {
                JsonNode w = h.path("whomToCall");
                whom = String.join(", ", java.util.stream.Stream.of(w.path("name").asText(null), w.path("mailbox").asText(null),
                        w.path("phone").asText(null)).filter(s -> s != null && !s.isBlank()).toList());
            }
            String risk = headline ? h.path("riskLevel").asText(null) : data.path("riskLevel").asText(null);
            entries.add(new Entry(when(e.path("occurredAt").asText(null)), when(e.path("recordedAt").asText(null)), agencyId,
                    agencyId == null ? "" : agencyNames.getOrDefault(agencyId, "An agency no longer in the directory"),
                    Labels.type(e.path("type").asText()),
                    category == null ? null : Labels.words(category), risk == null ? null : Labels.words(risk), indicators,
                    headline ? null : first(data, "description", "summary", "justification", "reason", "note"),
                    headline ? null : data.path("childsVoice").asText(null), headline, whom,
                    e.path("type").asText().startsWith("bigger-picture-flag"),
                    !childId.equals(e.path("childRecord").asText(childId))));
        }
        List<String> linked = new ArrayList<>();
        c.path("linkedRecords").forEach(l -> linked.add(l.asText()));
        long total = c.path("total").asLong();
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        return new ChronologyView(childId, c.path("basis").asText(null), when(c.path("emergencyAccessUntil").asText(null)),
                total, page, pages, entries, linked, filters, WellbeingWheel.of(c.path("wellbeing")));
    }

    private static String first(JsonNode data, String... fields) {
        for (String f : fields) {
            if (data.path(f).isTextual() && !data.path(f).asText().isBlank()) {
                return data.path(f).asText();
            }
        }
        return null;
    }

    static String when(String instant) {
        if (instant == null || instant.isBlank() || "null".equals(instant)) {
            return null;
        }
        return WHEN.format(Instant.parse(instant));
    }

    /**
     * A deadline as people say it: a clock due at midnight is due by "the end of 7 December 2026", not at
     * 00:00 on the 8th; any other moment as {@link #when}.
     */
    static String deadline(String instant) {
        if (instant == null || instant.isBlank() || "null".equals(instant)) {
            return null;
        }
        java.time.ZonedDateTime at = Instant.parse(instant).atZone(LONDON);
        if (at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return "the end of " + at.toLocalDate().minusDays(1).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        }
        return WHEN.format(at);
    }

    /** A date as the form gives it (YYYY-MM-DD) as the start or the end of that day in London, for the API. */
    static String instant(String date, boolean endOfDay) {
        if (date == null || date.isBlank()) {
            return null;
        }
        LocalDate d = LocalDate.parse(date.strip());
        return (endOfDay ? d.plusDays(1).atStartOfDay(LONDON).minusNanos(1000) : d.atStartOfDay(LONDON)).toInstant().toString();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    public boolean wholePicture() {
        return !"relationship".equals(basis);
    }
}
