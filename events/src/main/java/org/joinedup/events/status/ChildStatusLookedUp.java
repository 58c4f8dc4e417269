package org.joinedup.events.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code child-status-looked-up} v1: an agency (an emergency department, a GP out of hours, an ambulance
 * service) asked whether anyone is worried about a child, by NHS number, for a stated purpose; what it was
 * told (the child's status, never details), and the agencies told of the lookup at once (the child's front
 * door, and the local authority holding a plan), as CP-IS tells the local authority. It creates no
 * relationship with the child. One fact per stream ({@code status-lookup-<lookupId>}).
 */
public record ChildStatusLookedUp(UUID lookupId, UUID childId, String agencyId, String lookedUpBy, String purpose,
                                  String answered, List<String> told, Instant lookedUpAt)
        implements org.joinedup.events.EventPayload {
    public ChildStatusLookedUp {
        told = told == null ? List.of() : List.copyOf(told);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return lookedUpAt;
    }
}
