package org.joinedup.console.pages;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in, as their ID token says: for the page's header and what the home page offers. */
@RequestScoped
public class Person {
    private final JsonWebToken idToken;
    private final SecurityIdentity identity;
    private final Agencies agencies;

    public Person(JsonWebToken idToken, SecurityIdentity identity, Agencies agencies) {
        this.idToken = idToken;
        this.identity = identity;
        this.agencies = agencies;
    }

    /** The person's agency by name, as the directory lists it; null for a person of no agency (an inspector). */
    public String agencyName() {
        String agency = agencyId();
        try {
            return agency == null ? null : agencies.name(agency);
        } catch (RuntimeException e) {
            // The directory cannot be reached: the header leaves the agency out rather than fail the page.
            return null;
        }
    }

    public String name() {
        Object name = idToken.getClaim("name");
        Object username = idToken.getClaim("preferred_username");
        return name != null ? name.toString() : username != null ? username.toString() : idToken.getSubject();
    }

    public String agencyId() {
        Object agency = idToken.getClaim("agency_id");
        return agency == null ? null : agency.toString().replace("\"", "");
    }

    public boolean lead() {
        return identity.hasRole("safeguarding-lead");
    }

    public boolean practitioner() {
        return identity.hasRole("practitioner");
    }

    public boolean inspector() {
        return identity.hasRole("inspector");
    }

    /** Whether the person's agency is a children's social care front door: it has a triage queue. */
    public boolean frontDoor() {
        String agency = agencyId();
        try {
            return agency != null && findsChildren() && agencies.frontDoor(agency);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Leads and practitioners look children up; inspectors replay the ledger. */
    public boolean findsChildren() {
        return lead() || practitioner();
    }
}
