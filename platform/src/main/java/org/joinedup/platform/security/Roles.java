package org.joinedup.platform.security;

/** The realm roles tokens carry (Keycloak puts them in {@code realm_access.roles}). */
public final class Roles {
    /** Raises concerns, shares, refers, reads its own agency's view; for its own agency only. */
    public static final String PRACTITIONER = "practitioner";
    /** The joined-up chronology, linking child records, running a Team Around the Child. */
    public static final String SAFEGUARDING_LEAD = "safeguarding-lead";
    /** Audit replay and verification; read-only. */
    public static final String INSPECTOR = "inspector";
    /** An agency's own case system (a client-credentials token): it may subscribe its agency to notifications. */
    public static final String AGENCY_SYSTEM = "agency-system";
    /** Agencies and data-sharing agreements. */
    public static final String DIRECTORY_ADMIN = "directory-admin";

    /** The token claim naming the agency a caller acts for. */
    public static final String AGENCY_CLAIM = "agency_id";

    private Roles() {
    }
}
