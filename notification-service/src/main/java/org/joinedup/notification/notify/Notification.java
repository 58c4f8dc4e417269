package org.joinedup.notification.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One thing to tell one agency; its id is the {@code webhook-id} receivers deduplicate by. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    public String kind;
    @Column(name = "agency_id")
    public String agencyId;
    @Column(name = "child_id")
    public UUID childId;
    /** The JSON body posted to the receiver, exactly as signed. */
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
}
