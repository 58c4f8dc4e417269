package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.directory.view.SharingPolicy;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.events.Topics;
import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.Contact;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** concern-service keeps its own copy of the directory from directory.events and answers from it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class DirectoryCopyTest {
    @Inject
    DirectoryQueries directory;

    @Test
    void agencies_and_agreements_published_by_the_directory_become_usable_here_and_revocation_ends_them() {
        String police = "police-" + UUID.randomUUID().toString().substring(0, 8);
        String csc = "csc-" + UUID.randomUUID().toString().substring(0, 8);
        UUID agreement = UUID.randomUUID();
        Instant t = Instant.now().minusSeconds(60);
        AgreementTerms terms = new AgreementTerms("MASH", List.of(police, csc), List.of("neglect"),
                List.of("safeguarding"), "public-task", null, "collaboration", "monthly",
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), LocalDate.now().plusMonths(6));
        Contact contact = new Contact("duty@example.org", null);

        TestEvents.publish(new AgencyRegistered(police, "Police", "police", "Haringey", contact, List.of(), "admin", t), "/agency-directory-service");
        TestEvents.publish(new AgencyRegistered(csc, "CSC", "childrens-social-care", "Haringey", contact, List.of(), "admin", t), "/agency-directory-service");
        TestEvents.publish(new SharingAgreementProposed(agreement, terms, "admin", t), "/agency-directory-service");
        TestEvents.publish(new SharingAgreementSigned(agreement, police, "A", "B", "lead", t), "/agency-directory-service");
        EventEnvelope signed = TestEvents.publish(new SharingAgreementSigned(agreement, csc, "C", "D", "lead", t), "/agency-directory-service");
        TestEvents.publish(new SharingAgreementActivated(agreement, terms, t), "/agency-directory-service");
        TestEvents.republish(signed, new SharingAgreementSigned(agreement, csc, "C", "D", "lead", t));

        SharingPolicy.Question q = new SharingPolicy.Question(police, csc, "neglect", "safeguarding", Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.mayShare(q).allowed());
        assertEquals(agreement, directory.mayShare(q).agreementId());
        assertEquals(2, directory.agreement(agreement).orElseThrow().signatures().size());
        assertEquals(4, directory.agreement(agreement).orElseThrow().version(), "a redelivered event is applied once");
        assertTrue(directory.agency(police).orElseThrow().active());

        TestEvents.publish(new SharingAgreementRevoked(agreement, "superseded", "admin", Instant.now()), "/agency-directory-service");
        TestEvents.publish(new AgencyDeactivated(police, "merged", "admin", Instant.now()), "/agency-directory-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> !directory.agency(police).orElseThrow().active());
        assertFalse(directory.mayShare(new SharingPolicy.Question(police, csc, "neglect", "safeguarding",
                Instant.now().plusSeconds(1))).allowed());
    }

}
