package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.NotificationApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A safeguarding lead's notifications: what needs the agency, newest first, and live while the page
 * is open (server-sent events, relayed from notification-service with the lead's own token; without
 * JavaScript the page shows the same list when reloaded).
 */
@Path("/notifications")
@RolesAllowed("safeguarding-lead")
public class Notifications {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Person person, List<Item> items, long latest, Long older, boolean paged);
    }

    /** A notification as the page shows it: what happened, when, and where to read more. */
    public record Item(long seq, String kind, String headline, String when, String link, String linkText) {
    }

    private final Person person;
    private final NotificationApi notifications;

    @jakarta.inject.Inject
    Agencies agencies;

    public Notifications(Person person, @RestClient NotificationApi notifications) {
        this.person = person;
        this.notifications = notifications;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("before") String before) {
        long from = -1;
        if (before != null && before.strip().matches("[0-9]{1,18}")) {
            from = Long.parseLong(before.strip());
        }
        JsonNode found = from < 0 ? notifications.newest(PER_PAGE) : notifications.before(from, PER_PAGE);
        List<Item> items = new ArrayList<>();
        Map<String, String> names = agencies.names();
        found.path("notifications").forEach(n -> items.add(named(n, names)));
        Long older = items.size() == PER_PAGE ? items.get(items.size() - 1).seq() : null;
        return Templates.list(person, items, found.path("latest").asLong(), older, from >= 0);
    }

    static final int PER_PAGE = 50;

    /** The live feed the page's script follows; the browser resumes it with Last-Event-ID after a break. */
    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") Long after,
                                        @Context Sse sse) {
        String last = lastEventId == null || !lastEventId.strip().matches("[0-9]{1,18}") ? null : lastEventId.strip();
        Long from = after == null || after < 0 ? null : after;
        // The stream runs on the event loop, which must not wait on the directory: the names the list page just read.
        Map<String, String> names = Agencies.lastKnownNames();
        return notifications.stream(last, last == null ? from : null)
                .filter(e -> "notification".equals(e.name()) && e.data() != null)
                .map(e -> {
                    Item item = named(read(e.data()), names);
                    return sse.newEventBuilder().name("notification").id(e.id())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Item.class, item).build();
                });
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static JsonNode read(String data) {
        try {
            return JSON.readTree(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A notification with each agency it names by its id named as the directory names it. */
    static Item named(JsonNode n, Map<String, String> names) {
        Item i = item(n);
        String headline = i.headline();
        for (Map.Entry<String, String> a : names.entrySet()) {
            headline = headline.replaceAll("(?<![\\w@.-])" + java.util.regex.Pattern.quote(a.getKey()) + "(?![\\w.-])",
                    java.util.regex.Matcher.quoteReplacement(a.getValue()));
        }
        return new Item(i.seq(), i.kind(), headline, i.when(), i.link(), i.linkText());
    }

    static Item item(JsonNode n) {
        String kind = n.path("kind").asText();
        String child = n.path("childId").asText(null);
        String link = child == null ? null : "/children/" + child;
        String linkText = child == null ? null : "The child's chronology";
        String headline = n.path("headline").asText();
        if (headline.startsWith("a ")) {
            headline = "A " + headline.substring(2); // a sentence, as the page shows it
        }
        return new Item(n.path("seq").asLong(), Labels.words(kind), headline,
                ChronologyView.when(n.path("createdAt").asText(null)), link, linkText);
    }
}
