package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.RawString;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A child's SHANARRI wellbeing over time, from the chronology's {@code wellbeing}: the wheel at the latest
 * review (eight segments, each filled as far as its rating: 1 significant concern to 5 thriving) and a table
 * of every review's ratings, which says the same in words for anyone who cannot see the picture.
 */
public record WellbeingWheel(List<String> reviews, List<Row> rows, RawString svg, String latest) {
    static final List<String> INDICATORS = List.of("safe", "healthy", "achieving", "nurtured", "active", "respected",
            "responsible", "included");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** One indicator across the reviews: each cell its level in words with the score, or empty when not rated. */
    public record Row(String indicator, List<String> cells) {
    }

    /** The wheel, or null when no review has rated the child's wellbeing (or the reader may not see any). */
    static WellbeingWheel of(JsonNode points) {
        if (points == null || !points.isArray() || points.isEmpty()) {
            return null;
        }
        List<String> reviews = new ArrayList<>();
        Map<String, List<String>> cells = new LinkedHashMap<>();
        INDICATORS.forEach(i -> cells.put(i, new ArrayList<>()));
        Map<String, Integer> latest = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode p : points) {
            reviews.add(LocalDate.parse(p.path("heldOn").asText()).format(DAY));
            Map<String, JsonNode> byIndicator = new LinkedHashMap<>();
            p.path("ratings").forEach(r -> byIndicator.put(r.path("indicator").asText(), r));
            for (String i : INDICATORS) {
                JsonNode r = byIndicator.get(i);
                cells.get(i).add(r == null ? "" : Labels.words(r.path("level").asText()) + " (" + r.path("score").asInt() + ")");
            }
            if (++n == points.size()) {
                byIndicator.forEach((i, r) -> latest.put(i, r.path("score").asInt()));
            }
        }
        List<Row> rows = new ArrayList<>();
        cells.forEach((i, c) -> {
            if (c.stream().anyMatch(s -> !s.isEmpty())) {
                rows.add(new Row(Labels.words(i), c));
            }
        });
        String last = reviews.get(reviews.size() - 1);
        return new WellbeingWheel(reviews, rows, new RawString(svg(latest, last)), last);
    }

    /** Eight segments around a circle, in SHANARRI order from the top, each filled to its score out of 5. */
    static String svg(Map<String, Integer> scores, String when) {
        double cx = 240;
        double cy = 160;
        double outer = 110;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 320\" width=\"480\" height=\"320\" role=\"img\" class=\"app-wheel\" ")
                .append("aria-labelledby=\"wheel-title wheel-desc\" id=\"wellbeing-wheel\">");
        s.append("<title id=\"wheel-title\">Wellbeing wheel at the review of ").append(when).append("</title>");
        s.append("<desc id=\"wheel-desc\">");
        List<String> said = new ArrayList<>();
        for (String i : INDICATORS) {
            said.add(Labels.words(i) + ": " + (scores.containsKey(i) ? scores.get(i) + " out of 5" : "not rated"));
        }
        s.append(String.join("; ", said)).append("</desc>");
        for (int ring = 1; ring <= 5; ring++) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"#b1b4b6\" "
                    + "stroke-width=\"1\"/>", cx, cy, outer * ring / 5));
        }
        for (int k = 0; k < INDICATORS.size(); k++) {
            String i = INDICATORS.get(k);
            double a0 = Math.toRadians(-90 + 45 * k - 22.5);
            double a1 = Math.toRadians(-90 + 45 * k + 22.5);
            Integer score = scores.get(i);
            if (score != null && score > 0) {
                double r = outer * score / 5;
                s.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f L%.1f,%.1f A%.1f,%.1f 0 0,1 %.1f,%.1f Z\" "
                                + "fill=\"#1d70b8\" fill-opacity=\"%.2f\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>",
                        cx, cy, cx + r * Math.cos(a0), cy + r * Math.sin(a0), r, r, cx + r * Math.cos(a1), cy + r * Math.sin(a1),
                        0.35 + 0.13 * score));
            }
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#505a5f\"/>",
                    cx, cy, cx + outer * Math.cos(a0), cy + outer * Math.sin(a0)));
            double am = Math.toRadians(-90 + 45 * k);
            double lx = cx + (outer + 22) * Math.cos(am);
            double ly = cy + (outer + 22) * Math.sin(am) + 5;
            String anchor = Math.abs(Math.cos(am)) < 0.2 ? "middle" : Math.cos(am) > 0 ? "start" : "end";
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-family=\"arial, sans-serif\" "
                    + "font-size=\"14\" fill=\"#0b0c0c\">%s%s</text>", lx, ly, anchor, Labels.words(i),
                    score == null ? "" : " " + score));
        }
        s.append("</svg>");
        return s.toString();
    }
}
