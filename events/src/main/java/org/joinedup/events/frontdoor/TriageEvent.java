package org.joinedup.events.frontdoor;

import org.joinedup.events.EventPayload;

/**
 * The events of one item of a front door's triage queue ({@code triage-<triageId>}): the contacts about
 * one child that reached the front door (children's social care of the area where the child lives)
 * while it had not yet decided, the decision, and the clock running out. A sealed family.
 */
public sealed interface TriageEvent extends EventPayload permits ContactReceived, TriageDecided, TriageDecisionOverdue {
}
