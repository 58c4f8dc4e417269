package org.joinedup.console.pages;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in, as their ID token says: for the page's header and what the home page offers. */
@RequestScoped
public class Person {
    private final JsonWebToken idToken;
    private final SecurityIdentity identity;

    public Person(JsonWebToken idToken, SecurityIdentity identity) {
        this.idToken = idToken;
        this.identity = identity;
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

    /** Leads and practitioners look children up; inspectors replay the ledger. */
    public boolean findsChildren() {
        return lead() || practitioner();
    }
}
