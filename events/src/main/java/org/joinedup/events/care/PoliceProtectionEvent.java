package org.joinedup.events.care;

import org.joinedup.events.EventPayload;

/**
 * The events of one use of police protection powers ({@code police-protection-<protectionId>}, section 46,
 * at most 72 hours): started, ended, and the 72 hours passing with no end recorded. Recorded by the police.
 * A sealed family.
 */
public sealed interface PoliceProtectionEvent extends EventPayload
        permits PoliceProtectionStarted, PoliceProtectionEnded, PoliceProtectionOverdue {
}
