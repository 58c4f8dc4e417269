package org.joinedup.concern.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.Topics;
import org.joinedup.events.notification.WebhookSubscriptionPaused;
import org.joinedup.platform.consume.EventHandler;
import org.joinedup.platform.consume.ReceivedEvent;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox's notices of an agency's webhook subscription paused because its callback kept failing:
 * taken from {@code notifications.events}, kept until someone at the agency acknowledges them.
 */
@ApplicationScoped
public class WebhookNotices implements EventHandler {
    private final DataSource dataSource;

    public WebhookNotices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String consumerName() {
        return "concern-service-webhook-notices";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.NOTIFICATIONS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof WebhookSubscriptionPaused p) {
            Jdbc.update(dataSource, """
                    insert into webhook_notice (notice_id, subscription_id, agency_id, callback_host, failed_attempts, failing_since,
                                                last_error, paused_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    event.envelope().id(), p.subscriptionId(), p.agencyId(), p.callbackHost(), p.failedAttempts(),
                    p.failingSince() == null ? null : Timestamp.from(p.failingSince()), p.lastError(), Timestamp.from(p.pausedAt()));
        }
    }

    /** A notice as the inbox shows it. */
    public record Notice(String kind, UUID noticeId, UUID subscriptionId, String callbackHost, int failedAttempts,
                         Instant failingSince, String lastError, Instant pausedAt, Instant acknowledgedAt) {
    }

    /** The agency's notices not yet acknowledged, oldest first. */
    public List<Notice> unacknowledged(String agencyId) {
        return notices("where agency_id = ? and acknowledged_at is null order by paused_at, notice_id", agencyId);
    }

    /** The agency acknowledges a notice; a repeat changes nothing; 404 for another agency's or an unknown one. */
    @Transactional
    public Notice acknowledge(UUID noticeId, String agencyId, String actorId, Instant now) {
        Jdbc.update(dataSource, """
                update webhook_notice set acknowledged_at = ?, acknowledged_by = ?
                where notice_id = ? and agency_id = ? and acknowledged_at is null""", Timestamp.from(now), actorId, noticeId, agencyId);
        return notices("where notice_id = ? and agency_id = ?", noticeId, agencyId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("no webhook notice " + noticeId + " for agency " + agencyId));
    }

    private List<Notice> notices(String where, Object... args) {
        return Jdbc.query(dataSource, """
                select notice_id, subscription_id, callback_host, failed_attempts, failing_since, last_error, paused_at, acknowledged_at
                from webhook_notice """ + " " + where, rs -> new Notice("webhook-paused", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getInt(4), instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8))), args);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Optional<UUID> id(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
