package org.joinedup.events;

/** Kafka topic names: one topic per producing context. */
public final class Topics {
    /** concern-service: children, concerns, information sharing, bigger-picture flags. Keyed by child id. */
    public static final String CONCERNS = "concerns.events";
    /** referral-service: referrals, statutory clocks, Team Around the Child. Keyed by child id. */
    public static final String REFERRALS = "referrals.events";
    /** agency-directory-service: agencies and data-sharing agreements. Keyed by agency or agreement id. */
    public static final String DIRECTORY = "directory.events";
    /** every service: record-accessed. Keyed by child id. */
    public static final String ACCESS = "access.events";
    /** notification-service: the state of agency systems' webhook subscriptions. Keyed by agency id. */
    public static final String NOTIFICATIONS = "notifications.events";

    private Topics() {
    }
}
