package org.joinedup.notification.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Who sent a share and to whom, learnt from {@code information-shared}, for the acknowledgement's notification. */
@Entity
@Table(name = "share_side")
public class ShareSide extends PanacheEntityBase {
    @Id
    @Column(name = "share_id")
    public UUID shareId;
    @Column(name = "from_agency")
    public String fromAgency;
    @Column(name = "to_agency")
    public String toAgency;
}
