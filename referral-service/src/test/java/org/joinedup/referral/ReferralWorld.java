package org.joinedup.referral;

import io.restassured.specification.RequestSpecification;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The other services as referral-service meets them: agencies on directory.events and children and
 * concerns on concerns.events, published to the real test broker as their producers would.
 */
public final class ReferralWorld {
    public final String police = "police-" + suffix();
    public final String csc = "csc-" + suffix();
    public final String school = "school-" + suffix();
    public final String closed = "closed-" + suffix();
    public final UUID child = UUID.randomUUID();
    public final UUID concern = UUID.randomUUID();

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Three active agencies and a deactivated one, all in Haringey, where {@code csc} is children's social care
     * and so the child's front door (docs/access.md); a child with one concern raised by the police.
     */
    public ReferralWorld publish() {
        Instant t = Instant.now().minusSeconds(3600);
        for (String a : List.of(police, csc, school, closed)) {
            TestEvents.publish(new AgencyRegistered(a, a, a.startsWith("csc") ? "childrens-social-care" : "other", "Haringey",
                    new Contact("duty@example.org", null), List.of(), "admin", t), "/agency-directory-service");
        }
        TestEvents.publish(new AgencyDeactivated(closed, "merged", "admin", t), "/agency-directory-service");
        TestEvents.publish(raised(concern, child, police), "/concern-service");
        return this;
    }

    public static ConcernRaised raised(UUID concernId, UUID childId, String agency) {
        Instant t = Instant.now().minusSeconds(1800);
        return new ConcernRaised(concernId, childId, agency, "pc-1", new ChildIdentification(null, "Mensah", "Ama",
                LocalDate.of(2018, 3, 4), "N17 0AA", List.of()), "physical-abuse", List.of("safe"), "high",
                "bruising seen", null, t, t);
    }

    public static InformationShared shared(UUID concernId, UUID childId, String from, String to) {
        return new InformationShared(UUID.randomUUID(), childId, from, to, List.of(concernId), null, "safeguarding",
                "public-task", new Consent(Consent.GIVEN, null), UUID.randomUUID(), false, null, "pc-1", Instant.now());
    }

    public String referral(String toAgency) {
        return """
                {"childId": "%s", "toAgency": "%s", "concernIds": ["%s"], "reason": "bruising on two visits",
                 "urgency": "urgent", "familyInformed": "mother told a referral is being made",
                 "consent": {"status": "refused", "reason": "mother refused; the child may be at risk"}}"""
                .formatted(child, toAgency, concern);
    }

    public static RequestSpecification practitioner(String agency) {
        return as(TestTokens.token("pr-" + agency, agency, Roles.PRACTITIONER));
    }

    public static RequestSpecification practitioner(String subject, String agency) {
        return as(TestTokens.token(subject, agency, Roles.PRACTITIONER));
    }

    public static RequestSpecification lead(String agency) {
        return as(TestTokens.token("dsl-" + agency, agency, Roles.SAFEGUARDING_LEAD));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
