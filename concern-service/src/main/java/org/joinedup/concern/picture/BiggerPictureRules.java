package org.joinedup.concern.picture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The bigger-picture rules, in one place. Evaluated for a child each time one of its concerns is
 * raised or amended, a note about it is shared, or its records are linked, over the pieces in force:
 * concerns not withdrawn, and notes shared between agencies (information that is not a recorded
 * concern, from the sharing agency). A rule fires only when the piece that just arrived is among
 * those behind it, so each flag is news.
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

    /**
     * One piece of the picture as the rules see it: a concern, or a shared note ({@code note} true,
     * {@code id} the share id, no risk level).
     */
    public record Piece(UUID id, String agencyId, Instant occurredAt, String riskLevel, boolean note) {
        public Piece(UUID concernId, String agencyId, Instant occurredAt, String riskLevel) {
            this(concernId, agencyId, occurredAt, riskLevel, false);
        }
    }

    /** A rule that fired: which, the concerns, shared notes and agencies behind it, and what it found. */
    public record Fired(String rule, List<UUID> concernIds, List<UUID> shareIds, List<String> agencies, String summary) {
    }

    public static List<Fired> evaluate(List<Piece> inForce, UUID changed, BiggerPictureSettings s) {
        Piece trigger = inForce.stream().filter(p -> p.id().equals(changed)).findFirst().orElse(null);
        if (trigger == null) {
            return List.of();
        }
        List<Fired> fired = new ArrayList<>();
        List<Piece> near = within(inForce, trigger, s.agenciesWindow());
        List<String> agencies = near.stream().map(Piece::agencyId).distinct().sorted().toList();
        if (agencies.size() >= s.minAgencies()) {
            fired.add(fire(SEVERAL_AGENCIES, near, agencies.size() + " agencies " + what(near) + " within "
                    + s.agenciesWindow().toDays() + " days"));
        }
        List<Piece> recent = within(inForce, trigger, s.concernsWindow());
        if (recent.size() >= s.minConcerns()) {
            fired.add(fire(FREQUENT_CONCERNS, recent, recent.size() + (recent.stream().anyMatch(Piece::note)
                    ? " concerns and shared notes" : " concerns") + " within " + s.concernsWindow().toDays() + " days"));
        }
        if (s.highestRiskLevel().equals(trigger.riskLevel())) {
            fired.add(fire(HIGHEST_RISK, List.of(trigger), "a concern at the highest risk level (" + trigger.riskLevel() + ")"));
        }
        return fired;
    }

    private static List<Piece> within(List<Piece> all, Piece trigger, Duration window) {
        return all.stream()
                .filter(p -> Duration.between(p.occurredAt(), trigger.occurredAt()).abs().compareTo(window) <= 0)
                .sorted(Comparator.comparing(Piece::occurredAt).thenComparing(Piece::id))
                .toList();
    }

    private static String what(List<Piece> pieces) {
        return pieces.stream().anyMatch(Piece::note) ? "raised concerns or shared notes" : "raised concerns";
    }

    private static Fired fire(String rule, List<Piece> pieces, String summary) {
        return new Fired(rule, pieces.stream().filter(p -> !p.note()).map(Piece::id).toList(),
                pieces.stream().filter(Piece::note).map(Piece::id).toList(),
                pieces.stream().map(Piece::agencyId).distinct().sorted().toList(), summary);
    }
}
