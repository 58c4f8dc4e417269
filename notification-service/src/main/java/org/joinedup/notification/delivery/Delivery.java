package org.joinedup.notification.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A notification on its way to one subscription: pending, delivered or (after the retry window) failed. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "notification_id")
    public UUID notificationId;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "order_key")
    public String orderKey;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    /** The retry window runs from here: when the notification was made, or when a redelivery was asked for. */
    @Column(name = "retry_from")
    public Instant retryFrom;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
