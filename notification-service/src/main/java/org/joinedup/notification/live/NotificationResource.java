package org.joinedup.notification.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agency's notifications for its own people: the list, and a live stream (server-sent events)
 * the console relays to a signed-in safeguarding lead. Only the caller's agency's notifications, which
 * carry identifiers and headlines, never the detail.
 */
@Path("/notifications")
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.AGENCY_SYSTEM})
public class NotificationResource {
    private final LiveNotifications live;
    private final Caller caller;
    private final Clock clock;
    private final Duration longest;

    public NotificationResource(LiveNotifications live, Caller caller, Clock clock,
                                @ConfigProperty(name = "joinedup.notifications.live.longest", defaultValue = "30M") Duration longest) {
        this.live = live;
        this.caller = caller;
        this.clock = clock;
        this.longest = longest;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's agency's notifications: the newest, or those after a sequence number",
            description = "Without after or before: the newest first. With after (a seq seen before): those after it, "
                    + "oldest first. With before (a seq): those older than it, newest first (the next page back). Not both "
                    + "(400 one-of). limit 1 to 100 (default 50). latest is the agency's highest seq, to follow the stream from.")
    public Uni<Map<String, Object>> list(@QueryParam("after") String after, @QueryParam("before") String before,
                                         @QueryParam("limit") String limit) {
        FieldErrors errors = new FieldErrors();
        int max = limit == null ? 50 : errors.integer("limit", limit, 1, 100);
        long from = after == null ? -1 : sequence(errors, "after", after);
        long to = before == null ? -1 : sequence(errors, "before", before);
        if (after != null && before != null) {
            errors.add("before", "one-of", "give after or before, not both");
        }
        errors.throwIfAny();
        String agency = caller.requireAgency();
        Uni<List<LiveNotifications.Item>> items = from >= 0 ? live.after(agency, from, max)
                : to >= 0 ? live.before(agency, to, max) : live.newest(agency, max);
        return items.flatMap(list -> live.latest(agency).map(latest -> Map.of("notifications", list, "latest", latest)));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The caller's agency's notifications as they happen (server-sent events)",
            description = "Each event is named notification, its id the seq and its data the notification. Reconnecting "
                    + "with Last-Event-ID (or after) resumes without a gap; without either, only what comes next. A comment "
                    + "every 15 s keeps the connection open. The stream ends when the caller's token expires (at most 30 "
                    + "minutes): reconnect with a fresh token.")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") String after,
                                          @Context Sse sse) {
        FieldErrors errors = new FieldErrors();
        long fromHeader = lastEventId == null || lastEventId.isBlank() ? -1 : sequence(errors, "Last-Event-ID", lastEventId.strip());
        long fromQuery = after == null ? -1 : sequence(errors, "after", after);
        errors.throwIfAny();
        String agency = caller.requireAgency();
        Instant now = clock.instant();
        Instant end = caller.expiresAt().filter(e -> e.isBefore(now.plus(longest))).orElse(now.plus(longest));
        Duration lasting = Duration.between(now, end).isNegative() ? Duration.ZERO : Duration.between(now, end);
        long from = Math.max(fromHeader, fromQuery);
        Uni<Long> start = from >= 0 ? Uni.createFrom().item(from) : live.latest(agency);
        return start.onItem().transformToMulti(seq -> live.follow(agency, seq, lasting))
                .map(item -> item == LiveNotifications.HEARTBEAT
                        ? sse.newEventBuilder().comment("nothing new").build()
                        : sse.newEventBuilder().name("notification").id(Long.toString(item.seq()))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(LiveNotifications.Item.class, item).build());
    }

    private static long sequence(FieldErrors errors, String field, String value) {
        try {
            long v = Long.parseLong(value);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // named below
        }
        errors.add(field, "integer", "must be a whole number, 0 or more (a seq seen before)");
        return -1;
    }
}
