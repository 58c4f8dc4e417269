package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code police-protection-started} v1: a police officer removed the child to suitable accommodation, or
 * kept her where she is, under section 46 of the Children Act 1989; it lasts at most 72 hours
 * ({@code endsBy}). {@code localAuthority} is the child's front door, which must be told at once.
 */
public record PoliceProtectionStarted(UUID protectionId, UUID childId, String policeAgency, String localAuthority, Instant takenAt,
                                      Instant endsBy, String reason, String designatedOfficer, String recordedBy) implements PoliceProtectionEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return takenAt;
    }
}
