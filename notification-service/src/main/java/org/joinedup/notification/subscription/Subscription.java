package org.joinedup.notification.subscription;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An agency system's callback, the kinds of notification it wants, and its signing secrets. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "agency_id")
    public String agencyId;
    @Column(name = "callback_url")
    public String callbackUrl;
    /** Comma-separated wire names. */
    public String kinds;
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    public String status;
    @Column(name = "paused_reason")
    public String pausedReason;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    /** The first failed attempt of the current run of failures; null after a success. */
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "last_error")
    public String lastError;
    /** The id of the webhook-subscription-paused event telling the agency of an automatic pause. */
    @Column(name = "pause_notice_id")
    public UUID pauseNoticeId;
    @Column(name = "paused_at")
    public Instant pausedAt;
    /** When the broker took that event; null while it is still to be published. */
    @Column(name = "pause_notice_sent_at")
    public Instant pauseNoticeSentAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;

    public List<String> kindList() {
        return Arrays.stream(kinds.split(",")).filter(k -> !k.isBlank()).toList();
    }

    public boolean wants(String kind) {
        return kindList().contains(kind);
    }

    /** The secrets deliveries are signed with now: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
