package org.joinedup.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionOverdue;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.joinedup.notification.NotificationsTest.publish;
import static org.joinedup.notification.NotificationsTest.subscribe;

/**
 * The notifications that need what earlier events taught: who is involved with a child (and with the
 * records linked to it), who is in a team and owns which action. Real broker, real database, real
 * receivers on loopback; only the agencies the need-to-know policy relates to the child are told.
 */
@QuarkusTest
@TestProfile(NotificationsTest.Quick.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notification"),
        @ResourceArg(name = "reactive", value = "true")})
class NotificationKindsTest {
    static final String[] ALL = {"bigger-picture-flag", "child-records-link", "action-assigned", "action-due-soon",
            "action-overdue", "review-missed"};

    /** One receiver per agency, each agency subscribed to every kind here. */
    static final class Agencies implements AutoCloseable {
        final Map<String, Receiver> receivers = new LinkedHashMap<>();

        Agencies(String... names) throws Exception {
            for (String name : names) {
                Receiver r = new Receiver();
                receivers.put(name, r);
                subscribe(name, r.url(), ALL);
            }
        }

        /** The kinds each agency was told, in arrival order. */
        List<String> kinds(String agency) {
            return bodies(agency).stream().map(b -> b.path("type").asText()).toList();
        }

        List<String> headlines(String agency) {
            return bodies(agency).stream().map(b -> b.path("data").path("headline").asText()).toList();
        }

        private List<com.fasterxml.jackson.databind.JsonNode> bodies(String agency) {
            List<com.fasterxml.jackson.databind.JsonNode> bodies = new ArrayList<>();
            for (Receiver.Received r : receivers.get(agency).received) {
                try {
                    bodies.add(EventJson.mapper().readTree(r.body()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return bodies;
        }

        @Override
        public void close() {
            receivers.values().forEach(Receiver::close);
        }
    }

    static String agency(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ConcernRaised concern(UUID child, String agency) {
        Instant at = Instant.now();
        return new ConcernRaised(UUID.randomUUID(), child, agency, "practitioner-1",
                new ChildIdentification(null, "Doe", "Sam", LocalDate.of(2016, 1, 2), null), "neglect", List.of("safe"), "medium",
                "Seen hungry at school most mornings.", null, at, at);
    }

    @Test
    void a_flag_and_a_link_reach_the_agencies_involved_with_the_child_or_a_linked_record_and_nobody_else() throws Exception {
        String police = agency("police"), school = agency("school"), health = agency("health"), stranger = agency("stranger");
        try (Agencies agencies = new Agencies(police, school, health, stranger)) {
            UUID child = UUID.randomUUID();
            UUID sameChild = UUID.randomUUID();
            publish(Topics.CONCERNS, concern(child, police));
            publish(Topics.CONCERNS, NotificationsTest.share(child, police, school));
            publish(Topics.CONCERNS, concern(sameChild, health));
            publish(Topics.CONCERNS, concern(UUID.randomUUID(), stranger));
            // The records travel on different partitions: link them once this service knows health holds the second.
            await().atMost(Duration.ofSeconds(30)).until(() -> involved(sameChild).contains(health) && involved(child).contains(school));
            UUID link = UUID.randomUUID();
            publish(Topics.CONCERNS, new ChildRecordsLinked(link, child, sameChild, UUID.randomUUID(), "same NHS number",
                    "lead-1", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(health).contains("child-records-link"));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(police).contains("child-records-link")
                    && agencies.kinds(school).contains("child-records-link"));

            UUID flag = UUID.randomUUID();
            publish(Topics.CONCERNS, new BiggerPictureFlagRaised(flag, child, "multi-agency-concerns", List.of(UUID.randomUUID()),
                    List.of(), List.of(police, health), "Concerns from 2 agencies within 30 days", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of(police, school, health).stream()
                    .allMatch(a -> agencies.kinds(a).contains("bigger-picture-flag")));
            var body = EventJson.mapper().readTree(agencies.receivers.get(health).received.stream()
                    .filter(r -> r.body().contains("bigger-picture-flag")).findFirst().orElseThrow().body());
            assertEquals(flag.toString(), body.path("data").path("resource").path("id").asText());
            assertEquals("flag", body.path("data").path("resource").path("type").asText());
            assertEquals(child.toString(), body.path("data").path("childId").asText());
            assertFalse(body.toString().contains("Concerns from"), "the flag's summary stays behind the API");

            // Unlinked: the records' agencies are told; then a flag about the first record no longer reaches health.
            publish(Topics.CONCERNS, new ChildRecordsUnlinked(link, child, sameChild, "different children after all", "lead-1", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(health).stream().filter("child-records-link"::equals).count() == 2);
            publish(Topics.CONCERNS, new BiggerPictureFlagRaised(UUID.randomUUID(), child, "repeat-concerns", List.of(), List.of(),
                    List.of(police), "Repeat concerns", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(police).stream().filter("bigger-picture-flag"::equals).count() == 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    agencies.kinds(health).stream().filter("bigger-picture-flag"::equals).count() == 1);
            assertTrue(agencies.kinds(stranger).isEmpty(), "an agency with no relationship to the child is told nothing: "
                    + agencies.kinds(stranger));
        }
    }

    @jakarta.inject.Inject
    javax.sql.DataSource database;

    /** The agencies this service has learnt are involved with the record (its own table, read directly). */
    List<String> involved(UUID child) throws Exception {
        try (var c = database.getConnection();
             var q = c.prepareStatement("select agency_id from involvement where child_id = ? and ended_at is null")) {
            q.setObject(1, child);
            List<String> agencies = new ArrayList<>();
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    agencies.add(rs.getString(1));
                }
            }
            return agencies;
        }
    }

    @Test
    void a_team_tells_an_actions_owner_when_it_is_assigned_reassigned_due_soon_and_overdue_and_its_members_of_a_missed_review()
            throws Exception {
        String social = agency("csc"), school = agency("school"), housing = agency("housing");
        try (Agencies agencies = new Agencies(social, school, housing)) {
            UUID child = UUID.randomUUID();
            UUID team = UUID.randomUUID();
            UUID teacher = UUID.randomUUID(), officer = UUID.randomUUID(), worker = UUID.randomUUID();
            Instant now = Instant.now();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            publish(Topics.REFERRALS, new TeamAroundChildFormed(team, child, null, List.of(
                    new TeamMember(worker, "practitioner", null, "Social worker", social, "sw-1"),
                    new TeamMember(teacher, "practitioner", null, "Class teacher", school, "teacher-1"),
                    new TeamMember(officer, "practitioner", null, "Housing officer", housing, "housing-1"),
                    new TeamMember(UUID.randomUUID(), "parent-or-carer", "Ms M", "Mother", null, null)),
                    6, today.plusWeeks(6), "sw-1", social, now));

            UUID later = UUID.randomUUID();
            publish(Topics.REFERRALS, new ActionAgreed(team, child, later, "Check attendance weekly", teacher, today.plusDays(20),
                    "sw-1", now));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(school).contains("action-assigned"));
            assertTrue(agencies.headlines(school).get(0).contains(today.plusDays(20).toString()), agencies.headlines(school).toString());
            assertFalse(agencies.receivers.get(school).received.get(0).body().contains("attendance"), "the action's words stay behind the API");

            publish(Topics.REFERRALS, new ActionReassigned(team, child, later, teacher, officer, "housing leads on this", "sw-1", now));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(housing).contains("action-assigned"));
            publish(Topics.REFERRALS, new ActionOverdue(team, child, later, officer, today.minusDays(1), now));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(housing).contains("action-overdue"));

            // Due tomorrow: assigned at once, and reminded by the sweep (once, however often it runs).
            UUID soon = UUID.randomUUID();
            publish(Topics.REFERRALS, new ActionAgreed(team, child, soon, "Home visit", worker, today.plusDays(1), "sw-1", now));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(social).equals(List.of("action-assigned", "action-due-soon")));
            assertTrue(agencies.headlines(social).get(1).contains(today.plusDays(1).toString()), agencies.headlines(social).toString());

            publish(Topics.REFERRALS, new MemberLeft(team, child, teacher, "moved school", "sw-1", now));
            publish(Topics.REFERRALS, new PlanReviewMissed(team, child, today.minusDays(1), now));
            await().atMost(Duration.ofSeconds(30)).until(() -> agencies.kinds(social).contains("review-missed")
                    && agencies.kinds(housing).contains("review-missed"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                    agencies.kinds(social).equals(List.of("action-assigned", "action-due-soon", "review-missed")));
            assertEquals(List.of("action-assigned"), agencies.kinds(school), "the school left before the review was missed");
            assertEquals(List.of("action-assigned", "action-overdue", "review-missed"), agencies.kinds(housing));
        }
    }
}
