package org.joinedup.events.earlyhelp;

import org.joinedup.events.EventPayload;

/**
 * The events of one early help assessment's stream ({@code early-help-assessment-<assessmentId>}): started, its versions, completed, reviewed. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface EarlyHelpAssessmentEvent extends EventPayload
        permits EarlyHelpAssessmentStarted, EarlyHelpAssessmentRecorded, EarlyHelpAssessmentCompleted, EarlyHelpAssessmentReviewed {
}
