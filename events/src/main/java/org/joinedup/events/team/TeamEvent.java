package org.joinedup.events.team;

import org.joinedup.events.EventPayload;

/**
 * The events of one Team Around the Child's stream ({@code team-<teamId>}): formed, its members, lead professional, action plan, reviews and the assessment it works from. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface TeamEvent extends EventPayload
        permits TeamAroundChildFormed, MemberAdded, MemberLeft, LeadProfessionalAssigned, ActionAgreed, ActionCompleted, ActionReassigned, ActionCancelled, ActionOverdue, PlanReviewed, PlanReviewMissed, AssessmentLinked,
        TeamAroundChildClosed {
}
