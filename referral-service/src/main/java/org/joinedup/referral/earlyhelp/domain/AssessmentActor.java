package org.joinedup.referral.earlyhelp.domain;

/**
 * Who is acting on an early help assessment: the token's subject and agency, whether a safeguarding lead,
 * and whether their agency takes part in the team that works from the assessment.
 */
public record AssessmentActor(String subject, String agencyId, boolean safeguardingLead, boolean inLinkedTeam) {
}
