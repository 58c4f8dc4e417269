package org.joinedup.events.protection;

import org.joinedup.events.EventPayload;

/**
 * The events of one child protection episode ({@code child-protection-<episodeId>}): the strategy
 * discussion, the section 47 enquiry's outcome, the initial child protection conference and the plan it
 * decides, the core group, the review conferences, the plan's end, and each statutory clock running out.
 * Recorded by the child's local authority (children's social care). A sealed family.
 */
public sealed interface ChildProtectionEvent extends EventPayload
        permits StrategyDiscussionRecorded, EnquiryConcluded, InitialConferenceHeld, CoreGroupMet, ReviewConferenceHeld,
        ChildProtectionPlanEnded, ChildProtectionClockOverdue {
}
