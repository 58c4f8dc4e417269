package org.joinedup.concern;

import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.testing.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The tests' area in the directory: haringey-csc is children's social care for Haringey, where the
 * police, the NHS trust, two schools, the housing provider and a voluntary service are too, so it is the front door of every child they raise a concern about
 * without a postcode it does not cover (docs/access.md). Registered once per test JVM, through
 * directory.events like the real directory's.
 */
final class TestArea {
    static final String FRONT_DOOR = "haringey-csc";

    private TestArea() {
    }

    static synchronized void haringey(DirectoryQueries directory) {
        if (System.getProperty("joinedup.test.concern.haringey") == null) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            for (String[] a : new String[][] {{FRONT_DOOR, "childrens-social-care"}, {ConcernApi.POLICE, "police"},
                    {ConcernApi.HEALTH, "health"}, {"northside-primary", "education"}, {"riverside-academy", "education"},
                    {"homes-for-haringey", "housing"}, {"safe-steps", "voluntary-sector"}}) {
                TestEvents.publish(new AgencyRegistered(a[0], a[0] + " (test)", a[1], "Haringey",
                        new Contact("duty@" + a[0] + ".example", "020 7946 0000"), List.of(), "admin", at),
                        "/agency-directory-service");
            }
            System.setProperty("joinedup.test.concern.haringey", "registered");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(FRONT_DOOR).isPresent()
                && directory.agency(ConcernApi.POLICE).isPresent() && directory.agency(ConcernApi.HEALTH).isPresent()
                && directory.agency("safe-steps").isPresent());
    }
}
