package org.joinedup.events.concern;

import java.time.Instant;
import java.util.List;

/**
 * What an amendment changes; an absent (null) field is unchanged. Vocabulary fields carry wire names.
 *
 * @param occurredAt a corrected time the concern's events happened
 */
public record ConcernChanges(
        String category,
        List<String> wellbeingIndicators,
        String riskLevel,
        String description,
        String childsVoice,
        Instant occurredAt) {
}
