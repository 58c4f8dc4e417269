package org.joinedup.notification.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The referring and the receiving agency of a referral, learnt from {@code referral-made}. */
@Entity
@Table(name = "referral_side")
public class ReferralSide extends PanacheEntityBase {
    @Id
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "from_agency")
    public String fromAgency;
    @Column(name = "to_agency")
    public String toAgency;
}
