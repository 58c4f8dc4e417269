package org.joinedup.concern.picture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The bigger-picture rules, in one place. Evaluated for a child each time one of its concerns is
 * raised or amended, over the child's concerns in force (not withdrawn). A rule fires only when the
 * concern that just changed is among those behind it, so each flag is news.
 * <ul>
 * <li>{@code several-agencies}: concerns from at least N agencies (default 2) that happened within a
 * window (default 90 days) of the changed one;</li>
 * <li>{@code frequent-concerns}: at least N concerns (default 3) within a window (default 30 days) of
 * the changed one;</li>
 * <li>{@code highest-risk}: the changed concern is at the highest risk level ({@code immediate}).</li>
 * </ul>
 */
public final class BiggerPictureRules {
    public static final String SEVERAL_AGENCIES = "several-agencies";
    public static final String FREQUENT_CONCERNS = "frequent-concerns";
    public static final String HIGHEST_RISK = "highest-risk";

    private BiggerPictureRules() {
    }

    /** One concern as the rules see it. */
    public record Piece(UUID concernId, String agencyId, Instant occurredAt, String riskLevel) {
    }

    /** A rule that fired: which, the concerns and agencies behind it, and what it found. */
    public record Fired(String rule, List<UUID> concernIds, List<String> agencies, String summary) {
    }

    public static List<Fired> evaluate(List<Piece> inForce, UUID changed, BiggerPictureSettings s) {
        Piece trigger = inForce.stream().filter(p -> p.concernId().equals(changed)).findFirst().orElse(null);
        if (trigger == null) {
            return List.of();
        }
        List<Fired> fired = new ArrayList<>();
        List<Piece> near = within(inForce, trigger, s.agenciesWindow());
        List<String> agencies = near.stream().map(Piece::agencyId).distinct().sorted().toList();
        if (agencies.size() >= s.minAgencies()) {
            fired.add(fire(SEVERAL_AGENCIES, near, agencies.size() + " agencies raised concerns within "
                    + s.agenciesWindow().toDays() + " days"));
        }
        List<Piece> recent = within(inForce, trigger, s.concernsWindow());
        if (recent.size() >= s.minConcerns()) {
            fired.add(fire(FREQUENT_CONCERNS, recent, recent.size() + " concerns within "
                    + s.concernsWindow().toDays() + " days"));
        }
        if (s.highestRiskLevel().equals(trigger.riskLevel())) {
            fired.add(fire(HIGHEST_RISK, List.of(trigger), "a concern at the highest risk level (" + trigger.riskLevel() + ")"));
        }
        return fired;
    }

    private static List<Piece> within(List<Piece> all, Piece trigger, Duration window) {
        return all.stream()
                .filter(p -> Duration.between(p.occurredAt(), trigger.occurredAt()).abs().compareTo(window) <= 0)
                .sorted(Comparator.comparing(Piece::occurredAt).thenComparing(Piece::concernId))
                .toList();
    }

    private static Fired fire(String rule, List<Piece> pieces, String summary) {
        return new Fired(rule, pieces.stream().map(Piece::concernId).toList(),
                pieces.stream().map(Piece::agencyId).distinct().sorted().toList(), summary);
    }
}
