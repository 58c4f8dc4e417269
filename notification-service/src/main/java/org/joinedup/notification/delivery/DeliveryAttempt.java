package org.joinedup.notification.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One try at posting a delivery: when, what the receiver answered (or why there was no answer), how long it took. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Column(name = "attempted_at")
    public Instant attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    public String error;
    @Column(name = "duration_ms")
    public int durationMs;
}
