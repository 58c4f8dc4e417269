package org.joinedup.events.concern;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code concern-raised} v1: a practitioner of an agency recorded something suggesting a child may be
 * at risk. Vocabulary fields carry wire names ({@link ConcernCategory}, {@link WellbeingIndicator},
 * {@link RiskLevel}) as strings, so a reader built before a new name was added still reads the event.
 *
 * @param concernId           the concern's id (its stream is {@code concern-<id>})
 * @param childId             the child in the platform's index
 * @param agencyId            the raising agency (from the caller's token, never from the request body)
 * @param practitionerId      the token subject that raised it
 * @param child               the identification the raising agency gave
 * @param category            a {@link ConcernCategory} wire name
 * @param wellbeingIndicators {@link WellbeingIndicator} wire names (may be empty)
 * @param riskLevel           a {@link RiskLevel} wire name
 * @param description         what was seen, heard or told
 * @param childsVoice         what the child said, in their own words (optional)
 * @param occurredAt          when it happened
 * @param recordedAt          when the platform recorded it
 */
public record ConcernRaised(
        UUID concernId,
        UUID childId,
        String agencyId,
        String practitionerId,
        ChildIdentification child,
        String category,
        List<String> wellbeingIndicators,
        String riskLevel,
        String description,
        String childsVoice,
        Instant occurredAt,
        Instant recordedAt) implements ConcernEvent {

    public ConcernRaised {
        wellbeingIndicators = wellbeingIndicators == null ? List.of() : List.copyOf(wellbeingIndicators);
    }

    @Override
    public String subject() {
        return childId.toString();
    }
}
