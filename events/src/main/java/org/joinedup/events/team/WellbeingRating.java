package org.joinedup.events.team;

/**
 * A team's rating of one SHANARRI wellbeing indicator the plan addresses, at a review.
 *
 * @param indicator a {@code WellbeingIndicator} wire name ({@code safe}, {@code healthy}, ...)
 * @param level     a {@link WellbeingLevel} wire name ({@code significant-concern} ... {@code thriving})
 * @param note      why, in the team's words (optional)
 */
public record WellbeingRating(String indicator, String level, String note) {
}
