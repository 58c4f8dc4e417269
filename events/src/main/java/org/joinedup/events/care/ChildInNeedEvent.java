package org.joinedup.events.care;

import org.joinedup.events.EventPayload;

/**
 * The events of one child in need plan ({@code child-in-need-plan-<planId>}, section 17): started, reviewed,
 * ended, and each review that fell due with none recorded. Recorded by the child's local authority. A
 * sealed family.
 */
public sealed interface ChildInNeedEvent extends EventPayload
        permits ChildInNeedPlanStarted, ChildInNeedPlanReviewed, ChildInNeedPlanEnded, ChildInNeedReviewOverdue {
}
