package org.joinedup.notification.subscription;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.joinedup.notification.delivery.Delivery;
import org.joinedup.notification.delivery.DeliveryAttempt;
import org.joinedup.notification.delivery.DeliveryWorker;
import org.joinedup.notification.delivery.WebhookSignature;
import org.joinedup.notification.notify.NotificationKind;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An agency's webhook subscriptions (docs/notifications.md): made by the agency's own system client
 * or one of its safeguarding leads, and seen and changed only by callers of that agency; another
 * agency's subscription answers 404. The signing secret is shown once, when made or rotated.
 */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENCY_SYSTEM, Roles.SAFEGUARDING_LEAD})
public class SubscriptionResource {
    static final int MAX_SUBSCRIPTIONS_PER_AGENCY = 20;

    private final Caller caller;
    private final Clock clock;
    private final DeliveryWorker worker;
    private final boolean allowLoopback;
    private final Duration rotationGrace;

    public SubscriptionResource(Caller caller, Clock clock, DeliveryWorker worker,
                                @ConfigProperty(name = "joinedup.notifications.allow-loopback-callbacks", defaultValue = "false") boolean allowLoopback,
                                @ConfigProperty(name = "joinedup.notifications.rotation-grace", defaultValue = "24H") Duration rotationGrace) {
        this.caller = caller;
        this.clock = clock;
        this.worker = worker;
        this.allowLoopback = allowLoopback;
        this.rotationGrace = rotationGrace;
    }

    /** POST /subscriptions: {@code callbackUrl}, {@code kinds}. */
    public record Create(String callbackUrl, List<String> kinds) {
    }

    /** POST .../pause: an optional reason. */
    public record Pause(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Subscribe the caller's agency to notifications at an HTTPS callback",
            description = "kinds: share-received, share-declined, share-acknowledged, referral-received, referral-decided, "
                    + "referral-overdue, emergency-access, bigger-picture-flag, action-assigned, action-due-soon, "
                    + "action-overdue, review-missed, child-records-link, urgent-contact, triage-decided, triage-overdue, "
                    + "status-lookup, police-protection, pathway-overdue (docs/notifications.md). The answer carries the signing secret (whsec_...) once.")
    public Uni<Response> create(Create body, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON subscription is required");
        }
        String agency = caller.requireAgency();
        FieldErrors errors = new FieldErrors();
        URI callback = CallbackUrls.check(errors, "callbackUrl", body.callbackUrl(), allowLoopback);
        List<String> kinds = kinds(errors, body.kinds());
        errors.throwIfAny();
        return Subscription.count("agencyId", agency).flatMap(existing -> {
            if (existing >= MAX_SUBSCRIPTIONS_PER_AGENCY) {
                throw ProblemException.unprocessable("callbackUrl", "max-subscriptions",
                        "an agency has at most " + MAX_SUBSCRIPTIONS_PER_AGENCY + " subscriptions; delete one first");
            }
            Subscription s = new Subscription();
            s.id = UUID.randomUUID();
            s.agencyId = agency;
            s.callbackUrl = callback.toString();
            s.kinds = String.join(",", kinds);
            s.secret = WebhookSignature.newSecret();
            s.status = "active";
            s.createdBy = caller.subject();
            s.createdAt = clock.instant();
            return s.persist().map(saved -> {
                Map<String, Object> view = view(s);
                view.put("secret", s.secret);
                return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build()).entity(view).build();
            });
        });
    }

    @GET
    @WithSession
    @Operation(summary = "The caller's agency's subscriptions (without their secrets)")
    public Uni<Map<String, Object>> list() {
        return Subscription.<Subscription>list("agencyId = ?1 order by createdAt", caller.requireAgency())
                .map(all -> Map.of("subscriptions", all.stream().map(SubscriptionResource::view).toList()));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "One subscription of the caller's agency")
    public Uni<Map<String, Object>> get(@PathParam("id") String id) {
        return own(id).map(SubscriptionResource::view);
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Stop deliveries; notifications are kept and delivered on resume")
    public Uni<Map<String, Object>> pause(@PathParam("id") String id, Pause body) {
        FieldErrors errors = new FieldErrors();
        String reason = errors.optionalText("reason", body == null ? null : body.reason(), 500);
        errors.throwIfAny();
        return own(id).map(s -> {
            s.status = "paused";
            s.pausedReason = reason == null ? "paused by " + caller.subject() : reason;
            return view(s);
        });
    }

    @POST
    @Path("{id}/resume")
    @WithTransaction
    @Operation(summary = "Deliver again, starting with what waited while paused")
    public Uni<Map<String, Object>> resume(@PathParam("id") String id) {
        return own(id).flatMap(s -> {
            boolean wasPaused = "paused".equals(s.status);
            s.status = "active";
            s.pausedReason = null;
            s.consecutiveFailures = 0;
            s.failingSince = null;
            Map<String, Object> view = view(s);
            if (!wasPaused) {
                return Uni.createFrom().item(view);
            }
            // What waited while paused gets a whole retry window from now, and goes first.
            Instant now = clock.instant();
            return Delivery.update("retryFrom = ?1, nextAttemptAt = ?1 where subscriptionId = ?2 and status = 'pending'", now, s.id)
                    .map(n -> view);
        }).invoke(x -> worker.wake());
    }

    @POST
    @Path("{id}/secret-rotation")
    @WithTransaction
    @Operation(summary = "A new signing secret, shown once; the previous one also signs for the grace period (24 h by default)")
    public Uni<Map<String, Object>> rotate(@PathParam("id") String id) {
        return own(id).map(s -> {
            Instant now = clock.instant();
            s.previousSecret = s.secret;
            s.previousSecretExpiresAt = now.plus(rotationGrace);
            s.secret = WebhookSignature.newSecret();
            Map<String, Object> view = view(s);
            view.put("secret", s.secret);
            return view;
        });
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Delete a subscription and its pending deliveries")
    public Uni<Response> delete(@PathParam("id") String id) {
        return own(id).flatMap(s -> s.delete()).map(x -> Response.noContent().build());
    }

    @GET
    @Path("{id}/deliveries")
    @WithSession
    @Operation(summary = "The subscription's deliveries, newest first, each with its attempts",
            description = "status: pending, delivered or failed; limit 1 to 200 (default 50)")
    public Uni<Map<String, Object>> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                               @QueryParam("limit") String limit) {
        FieldErrors errors = new FieldErrors();
        int max = limit == null ? 50 : errors.integer("limit", limit, 1, 200);
        if (status != null && !Set.of("pending", "delivered", "failed").contains(status)) {
            errors.add("status", "one-of", "must be one of pending, delivered, failed");
        }
        errors.throwIfAny();
        return own(id).flatMap(s -> (status == null
                        ? Delivery.<Delivery>find("subscriptionId = ?1 order by seq desc", s.id)
                        : Delivery.<Delivery>find("subscriptionId = ?1 and status = ?2 order by seq desc", s.id, status))
                .page(0, max).list())
                .flatMap(list -> io.smallrye.mutiny.Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(d -> DeliveryAttempt.<DeliveryAttempt>list("deliveryId = ?1 order by id", d.id)
                                .map(attempts -> deliveryView(d, attempts)))
                        .collect().asList())
                .map(views -> Map.of("deliveries", views));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redelivery")
    @WithTransaction
    @Operation(summary = "Send a delivery again now (a failed one gets a new retry window)")
    public Uni<Map<String, Object>> redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        FieldErrors errors = new FieldErrors();
        UUID delivery = errors.uuid("deliveryId", deliveryId, true);
        errors.throwIfAny();
        return own(id).flatMap(s -> Delivery.<Delivery>find("id = ?1 and subscriptionId = ?2", delivery, s.id).<Delivery>firstResult())
                .map(d -> {
                    if (d == null) {
                        throw ProblemException.notFound("no delivery " + deliveryId + " in this subscription");
                    }
                    Instant now = clock.instant();
                    d.status = "pending";
                    d.nextAttemptAt = now;
                    d.retryFrom = now;
                    d.leaseUntil = null;
                    return deliveryView(d, List.of());
                }).invoke(x -> worker.wake());
    }

    private Uni<Subscription> own(String id) {
        FieldErrors errors = new FieldErrors();
        UUID uuid = errors.uuid("id", id, true);
        errors.throwIfAny();
        String agency = caller.requireAgency();
        return Subscription.<Subscription>findById(uuid).map(s -> {
            if (s == null || !s.agencyId.equals(agency)) {
                throw ProblemException.notFound("no subscription " + id + " for your agency");
            }
            return s;
        });
    }

    private static List<String> kinds(FieldErrors errors, List<String> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            errors.add("kinds", "required", "name at least one kind of notification");
            return List.of();
        }
        if (kinds.size() > NotificationKind.values().length) {
            errors.add("kinds", "max-items", "at most " + NotificationKind.values().length + " kinds");
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < kinds.size(); i++) {
            String k = kinds.get(i);
            if (k == null || NotificationKind.fromWireName(k).isEmpty()) {
                errors.add("kinds[" + i + "]", "one-of", "must be one of " + String.join(", ",
                        java.util.Arrays.stream(NotificationKind.values()).map(NotificationKind::wireName).toList()));
            } else if (!seen.add(k)) {
                errors.add("kinds[" + i + "]", "unique", "is named twice");
            }
        }
        return new ArrayList<>(seen);
    }

    static Map<String, Object> view(Subscription s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id);
        v.put("agencyId", s.agencyId);
        v.put("callbackUrl", s.callbackUrl);
        v.put("kinds", s.kindList());
        v.put("status", s.status);
        if (s.pausedReason != null) {
            v.put("pausedReason", s.pausedReason);
        }
        if (s.failingSince != null) {
            v.put("failingSince", s.failingSince);
            v.put("failedAttemptsInARow", s.consecutiveFailures);
        }
        if (s.previousSecretExpiresAt != null) {
            v.put("previousSecretValidUntil", s.previousSecretExpiresAt);
        }
        v.put("createdAt", s.createdAt);
        return v;
    }

    static Map<String, Object> deliveryView(Delivery d, List<DeliveryAttempt> attempts) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id);
        v.put("notificationId", d.notificationId);
        v.put("status", d.status);
        v.put("attempts", d.attempts);
        if (d.status.equals("pending")) {
            v.put("nextAttemptAt", d.nextAttemptAt);
        }
        if (d.deliveredAt != null) {
            v.put("deliveredAt", d.deliveredAt);
        }
        v.put("createdAt", d.createdAt);
        v.put("attemptLog", attempts.stream().map(a -> {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("at", a.attemptedAt);
            if (a.statusCode != null) {
                log.put("statusCode", a.statusCode);
            }
            if (a.error != null) {
                log.put("error", a.error);
            }
            log.put("durationMs", a.durationMs);
            return log;
        }).toList());
        return v;
    }
}
