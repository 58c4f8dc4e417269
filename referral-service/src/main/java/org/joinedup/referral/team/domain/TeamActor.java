package org.joinedup.referral.team.domain;

/** Who is acting on a team: the token's subject and agency, and whether they hold the safeguarding-lead role. */
public record TeamActor(String subject, String agencyId, boolean safeguardingLead) {
}
