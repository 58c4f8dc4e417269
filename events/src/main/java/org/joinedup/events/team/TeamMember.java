package org.joinedup.events.team;

import java.util.UUID;

/**
 * A member of a Team Around the Child. Practitioners are identified by their agency and their id in
 * that agency's identity provider (the token subject); parents and carers, equal members, by name.
 *
 * @param kind           {@link MemberKind} wire name
 * @param name           how the team knows them (required for a parent or carer)
 * @param role           e.g. "Health visitor", "Mother", "Class teacher"
 * @param agencyId       the practitioner's agency (practitioners only)
 * @param practitionerId the practitioner's id, the token subject (practitioners only)
 */
public record TeamMember(UUID memberId, String kind, String name, String role, String agencyId, String practitionerId) {
}
