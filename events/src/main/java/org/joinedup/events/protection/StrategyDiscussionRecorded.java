package org.joinedup.events.protection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code strategy-discussion-recorded} v1: children's social care convened a strategy discussion
 * (reasonable cause to suspect significant harm), with at least the police and health; who took part and
 * what each brought; what it decided ({@code section-47-enquiry}, {@code child-in-need-assessment},
 * {@code no-further-action}) and why. Opens a child protection episode.
 *
 * @param localAuthority the children's social care agency that convened it and holds the episode
 * @param triageId       the front door's triage item it follows, if any
 */
public record StrategyDiscussionRecorded(UUID episodeId, UUID childId, String localAuthority, UUID triageId, Instant heldAt,
                                         List<Attendance> attendance, String decision, String reason, String recordedBy,
                                         Instant recordedAt) implements ChildProtectionEvent {
    public StrategyDiscussionRecorded {
        attendance = attendance == null ? List.of() : List.copyOf(attendance);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return heldAt;
    }
}
