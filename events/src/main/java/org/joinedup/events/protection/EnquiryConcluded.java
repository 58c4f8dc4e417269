package org.joinedup.events.protection;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code section-47-enquiry-concluded} v1: the outcome of children's social care's section 47 enquiry:
 * {@code not-substantiated}, {@code substantiated-no-continuing-risk} or
 * {@code substantiated-continuing-risk}; the last calls an initial child protection conference, due within
 * 15 working days of the strategy discussion ({@code conferenceDueBy}).
 */
public record EnquiryConcluded(UUID episodeId, UUID childId, String localAuthority, String outcome, String summary,
                               Instant conferenceDueBy, String concludedBy, Instant concludedAt) implements ChildProtectionEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return concludedAt;
    }
}
