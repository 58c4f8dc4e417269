package org.joinedup.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.joinedup.notification.NotificationsTest.as;
import static org.joinedup.notification.NotificationsTest.publish;
import static org.joinedup.notification.NotificationsTest.share;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the console shows a lead: the agency's notifications, listed and streamed live, resumable, and nobody else's. */
@QuarkusTest
@TestProfile(NotificationsTest.Quick.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notification"),
        @ResourceArg(name = "reactive", value = "true")})
class LiveNotificationsTest {
    @TestHTTPResource("/notifications/stream")
    URL stream;

    static String lead(String agency) {
        return TestTokens.token("lead-of-" + agency, agency, "safeguarding-lead");
    }

    /** An open event stream: each event's id and data, as the browser's EventSource would see them. */
    record Event(String id, String name, String data) {
    }

    static final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
        final HttpResponse<java.io.InputStream> response;
        private final Thread reader;

        Stream(URL url, String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(url.toURI()).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String id = null, name = null;
                    StringBuilder data = new StringBuilder();
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.isEmpty()) {
                            if (data.length() > 0) {
                                events.add(new Event(id, name, data.toString()));
                            }
                            id = null;
                            name = null;
                            data.setLength(0);
                        } else if (line.startsWith(":")) {
                            comments.add(line);
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        Event next() throws InterruptedException {
            Event e = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(e, "an event within 30 s");
            return e;
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    @Test
    void a_lead_sees_the_agencys_notifications_live_and_resumes_after_a_reconnect_without_a_gap() throws Exception {
        String agency = "school-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "school-" + UUID.randomUUID().toString().substring(0, 8);
        UUID child = UUID.randomUUID();
        String lastId;
        try (Stream live = new Stream(stream, lead(agency), null)) {
            assertEquals(200, live.response.statusCode());
            assertTrue(live.response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            publish(Topics.CONCERNS, share(UUID.randomUUID(), "met-police", other));
            InformationShared shared = share(child, "met-police", agency);
            publish(Topics.CONCERNS, shared);
            Event e = live.next();
            assertEquals("notification", e.name());
            var data = EventJson.mapper().readTree(e.data());
            assertEquals("share-received", data.path("kind").asText());
            assertEquals(child.toString(), data.path("childId").asText());
            assertEquals(shared.shareId().toString(), data.path("resourceId").asText());
            assertEquals(e.id(), data.path("seq").asText());
            assertFalse(e.data().contains("Bruising"), "headlines only");
            lastId = e.id();
        }
        // While nobody listens, two more; reconnecting with the last id seen gets exactly those, in order.
        publish(Topics.CONCERNS, share(child, "whittington-health", agency));
        publish(Topics.CONCERNS, share(child, "haringey-csc", agency));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(lead(agency)).get("/notifications?after=" + lastId).then()
                .statusCode(200).body("notifications", hasSize(2)));
        try (Stream resumed = new Stream(stream, lead(agency), lastId)) {
            List<String> from = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                from.add(EventJson.mapper().readTree(resumed.next().data()).path("headline").asText().split(" ")[0]);
            }
            assertEquals(List.of("whittington-health", "haringey-csc"), from);
        }
        var newest = as(lead(agency)).get("/notifications").then().statusCode(200).body("notifications", hasSize(3))
                .body("notifications[0].headline", org.hamcrest.Matchers.startsWith("haringey-csc")).extract();
        assertEquals(newest.<Number>path("notifications[0].seq").longValue(), newest.<Number>path("latest").longValue(),
                "latest is the newest seq, to follow the stream from");
        as(lead(other)).get("/notifications").then().statusCode(200).body("notifications", hasSize(1));
        // Paging back: those older than the newest, newest first.
        long top = newest.<Number>path("notifications[0].seq").longValue();
        as(lead(agency)).queryParam("before", top).queryParam("limit", 1).get("/notifications").then().statusCode(200)
                .body("notifications", hasSize(1))
                .body("notifications[0].headline", org.hamcrest.Matchers.startsWith("whittington-health"));
        as(lead(agency)).queryParam("before", top).get("/notifications").then().body("notifications", hasSize(2));
    }

    @Test
    void bad_positions_and_limits_are_named_and_only_leads_and_agency_systems_may_read() {
        String agency = "school-" + UUID.randomUUID().toString().substring(0, 8);
        as(lead(agency)).get("/notifications?limit=0").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
        as(lead(agency)).get("/notifications?after=-1").then().statusCode(400).body("violations[0].field", equalTo("after"));
        as(lead(agency)).get("/notifications?after=abc").then().statusCode(400).body("violations[0].rule", equalTo("integer"));
        as(lead(agency)).get("/notifications?before=x").then().statusCode(400).body("violations[0].field", equalTo("before"));
        as(lead(agency)).get("/notifications?before=5&after=1").then().statusCode(400)
                .body("violations[0].field", equalTo("before")).body("violations[0].rule", equalTo("one-of"));
        given().auth().oauth2(lead(agency)).header("Last-Event-ID", "x").get("/notifications/stream").then().statusCode(400)
                .body("violations[0].field", equalTo("Last-Event-ID"));
        as(TestTokens.token("pc-1", agency, "practitioner")).get("/notifications").then().statusCode(403);
        as(TestTokens.token("inspector-1", null, "inspector")).get("/notifications").then().statusCode(403);
        given().get("/notifications").then().statusCode(401);
        as(TestTokens.token(agency + "-system", agency, "agency-system")).get("/notifications").then().statusCode(200)
                .body("notifications", hasSize(0)).body("latest", equalTo(0));
    }
}
