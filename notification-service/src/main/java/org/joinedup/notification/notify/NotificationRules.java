package org.joinedup.notification.notify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which agencies an event concerns, and what to tell them: the rule for each kind of notification in
 * one place (docs/notifications.md). A notification carries identifiers and a headline naming
 * agencies only; the receiver reads the detail through the API with its own token, which records
 * the read. Pure: what earlier events taught (who sent a share, the sides of a referral) is given.
 */
public final class NotificationRules {
    /** Who to tell, before the earlier events are looked up. */
    public sealed interface Recipient {
        record Agency(String agencyId) implements Recipient {
        }

        /** The agency that sent this share. */
        record ShareSender(UUID shareId) implements Recipient {
        }

        /** Both agencies of this referral. */
        record ReferralSides(UUID referralId) implements Recipient {
        }

        /**
         * The agencies involved now with any of these child records, or with a record linked to one
         * of them: those the need-to-know policy gives a relationship (an emergency opening aside).
         */
        record Involved(List<UUID> childIds) implements Recipient {
        }

        /** The agency of this team member (none for a member of the family). */
        record MemberAgency(UUID memberId) implements Recipient {
        }

        /** The agencies of the team's members now. */
        record TeamAgencies(UUID teamId) implements Recipient {
        }
    }

    /** A notification to make: the kind, who receives it, the child it is about, the headline, the resource to read. */
    public record Planned(NotificationKind kind, List<Recipient> recipients, UUID childId, String headline,
                          String resource, UUID resourceId) {
    }

    /** What an event teaches for later events. */
    public sealed interface Fact {
        record ShareSent(UUID shareId, String fromAgency, String toAgency) implements Fact {
        }

        record ReferralSides(UUID referralId, String fromAgency, String toAgency) implements Fact {
        }

        /** The agency became involved with the child record by {@code via} (the record {@code refId}). */
        record Involved(UUID childId, String agencyId, String via, UUID refId, java.time.Instant at) implements Fact {
        }

        record Joined(UUID memberId, UUID teamId, UUID childId, String agencyId, java.time.Instant at) implements Fact {
        }

        record Left(UUID memberId, java.time.Instant at) implements Fact {
        }

        record ActionSet(UUID actionId, UUID teamId, UUID childId, UUID ownerMemberId, java.time.LocalDate dueOn) implements Fact {
        }

        record ActionOwner(UUID actionId, UUID ownerMemberId) implements Fact {
        }

        record ActionClosed(UUID actionId) implements Fact {
        }

        record Linked(UUID linkId, UUID childId, UUID linkedChildId) implements Fact {
        }

        record Unlinked(UUID linkId) implements Fact {
        }
    }

    private NotificationRules() {
    }

    /** The notifications an event of this type makes; none for the types nobody is told about. */
    public static List<Planned> plan(String type, JsonNode data) {
        UUID child = uuid(data, "childId");
        return switch (type) {
            case "information-shared" -> List.of(new Planned(NotificationKind.SHARE_RECEIVED,
                    agency(data, "toAgency"), child, text(data, "fromAgency") + " shared information about a child with your agency",
                    "share", uuid(data, "shareId")));
            case "information-share-declined" -> List.of(new Planned(NotificationKind.SHARE_DECLINED,
                    agency(data, "fromAgency"), child, "a decision not to share information with " + text(data, "toAgency") + " was recorded",
                    "sharing-decision", uuid(data, "declineId")));
            case "information-share-acknowledged" -> List.of(new Planned(NotificationKind.SHARE_ACKNOWLEDGED,
                    List.of(new Recipient.ShareSender(uuid(data, "shareId"))), child,
                    text(data, "toAgency") + " acknowledged the information your agency shared", "share", uuid(data, "shareId")));
            case "referral-made" -> List.of(new Planned(NotificationKind.REFERRAL_RECEIVED,
                    agency(data, "toAgency"), child, text(data, "fromAgency") + " referred a child to your agency ("
                    + text(data, "urgency") + "); a decision is due by " + when(data, "decisionDueBy"), "referral", uuid(data, "referralId")));
            case "referral-decided" -> List.of(new Planned(NotificationKind.REFERRAL_DECIDED,
                    List.of(new Recipient.ReferralSides(uuid(data, "referralId"))), child,
                    text(data, "toAgency") + " decided a referral: " + text(data, "outcome"), "referral", uuid(data, "referralId")));
            case "referral-decision-overdue", "assessment-overdue", "conference-overdue" -> List.of(new Planned(
                    NotificationKind.REFERRAL_OVERDUE, List.of(new Recipient.ReferralSides(uuid(data, "referralId"))), child,
                    "a statutory clock ran out on a referral (" + type.replace("-overdue", "") + " was due by " + when(data, "dueBy") + ")",
                    "referral", uuid(data, "referralId")));
            case "emergency-access-granted" -> {
                List<Recipient> to = new ArrayList<>();
                data.path("notifiedAgencies").forEach(a -> to.add(new Recipient.Agency(a.asText())));
                yield to.isEmpty() ? List.of() : List.of(new Planned(NotificationKind.EMERGENCY_ACCESS, to, child,
                        text(data, "agencyId") + " opened the records about a child your agency holds (break-glass) until "
                                + when(data, "expiresAt"), "emergency-access", uuid(data, "grantId")));
            }
            case "bigger-picture-flag-raised" -> List.of(new Planned(NotificationKind.BIGGER_PICTURE_FLAG,
                    List.of(new Recipient.Involved(children(child))), child,
                    "a bigger-picture flag (" + String.valueOf(text(data, "rule")).replace('-', ' ') + ") was raised about a child your agency is involved with; "
                            + data.path("agencies").size() + " agencies' records make it up",
                    "flag", uuid(data, "flagId")));
            case "action-agreed" -> List.of(new Planned(NotificationKind.ACTION_ASSIGNED,
                    List.of(new Recipient.MemberAgency(uuid(data, "ownerMemberId"))), child,
                    "a Team Around the Child agreed an action for your agency, due on " + text(data, "dueOn"),
                    "team", uuid(data, "teamId")));
            case "action-reassigned" -> List.of(new Planned(NotificationKind.ACTION_ASSIGNED,
                    List.of(new Recipient.MemberAgency(uuid(data, "toMemberId"))), child,
                    "a Team Around the Child reassigned an action to your agency", "team", uuid(data, "teamId")));
            case "action-overdue" -> List.of(new Planned(NotificationKind.ACTION_OVERDUE,
                    List.of(new Recipient.MemberAgency(uuid(data, "ownerMemberId"))), child,
                    "an action your agency owns in a Team Around the Child is overdue (it was due on " + text(data, "dueOn") + ")",
                    "team", uuid(data, "teamId")));
            case "plan-review-missed" -> List.of(new Planned(NotificationKind.REVIEW_MISSED,
                    List.of(new Recipient.TeamAgencies(uuid(data, "teamId"))), child,
                    "a Team Around the Child your agency is in missed its plan review (due by " + text(data, "dueBy") + ")",
                    "team", uuid(data, "teamId")));
            case "child-records-linked" -> List.of(new Planned(NotificationKind.CHILD_RECORDS_LINK,
                    List.of(new Recipient.Involved(children(child, uuid(data, "linkedChildId")))), child,
                    "a safeguarding lead linked two child records as the same child; your agency holds one of them",
                    "child-link", uuid(data, "linkId")));
            case "child-records-unlinked" -> List.of(new Planned(NotificationKind.CHILD_RECORDS_LINK,
                    List.of(new Recipient.Involved(children(child, uuid(data, "linkedChildId")))), child,
                    "a safeguarding lead undid a link between two child records; your agency holds one of them",
                    "child-link", uuid(data, "linkId")));
            default -> List.of();
        };
    }

    /** The "due soon" reminder for an action, made by the sweep rather than by an event. */
    public static Planned dueSoon(UUID teamId, UUID childId, UUID ownerMemberId, java.time.LocalDate dueOn) {
        return new Planned(NotificationKind.ACTION_DUE_SOON, List.of(new Recipient.MemberAgency(ownerMemberId)), childId,
                "an action your agency owns in a Team Around the Child is due on " + dueOn, "team", teamId);
    }

    /** What an event of this type teaches for later ones, in the order to apply it. */
    public static List<Fact> learn(String type, JsonNode data) {
        UUID child = uuid(data, "childId");
        java.time.Instant at = instant(data);
        List<Fact> facts = new ArrayList<>();
        switch (type) {
            case "concern-raised" -> facts.add(new Fact.Involved(child, text(data, "agencyId"), "raised", uuid(data, "concernId"), at));
            case "information-shared" -> {
                UUID share = uuid(data, "shareId");
                facts.add(new Fact.ShareSent(share, text(data, "fromAgency"), text(data, "toAgency")));
                facts.add(new Fact.Involved(child, text(data, "fromAgency"), "shared-from", share, at));
                facts.add(new Fact.Involved(child, text(data, "toAgency"), "shared-to", share, at));
            }
            case "information-share-declined" -> facts.add(new Fact.Involved(child, text(data, "fromAgency"), "recorded",
                    uuid(data, "declineId"), at));
            case "referral-made" -> {
                UUID referral = uuid(data, "referralId");
                facts.add(new Fact.ReferralSides(referral, text(data, "fromAgency"), text(data, "toAgency")));
                facts.add(new Fact.Involved(child, text(data, "fromAgency"), "referred-from", referral, at));
                facts.add(new Fact.Involved(child, text(data, "toAgency"), "referred-to", referral, at));
            }
            case "team-around-child-formed" -> data.path("members").forEach(m -> facts.add(joined(data, m, child, at)));
            case "member-added" -> facts.add(joined(data, data.path("member"), child, at));
            case "member-left" -> facts.add(new Fact.Left(uuid(data, "memberId"), at));
            case "action-agreed" -> {
                java.time.LocalDate due = date(data, "dueOn");
                if (due != null) {
                    facts.add(new Fact.ActionSet(uuid(data, "actionId"), uuid(data, "teamId"), child, uuid(data, "ownerMemberId"), due));
                }
            }
            case "action-reassigned" -> facts.add(new Fact.ActionOwner(uuid(data, "actionId"), uuid(data, "toMemberId")));
            case "action-completed", "action-cancelled" -> facts.add(new Fact.ActionClosed(uuid(data, "actionId")));
            case "child-records-linked" -> facts.add(new Fact.Linked(uuid(data, "linkId"), child, uuid(data, "linkedChildId")));
            case "child-records-unlinked" -> facts.add(new Fact.Unlinked(uuid(data, "linkId")));
            default -> {
            }
        }
        return facts;
    }

    private static Fact joined(JsonNode data, JsonNode member, UUID child, java.time.Instant at) {
        return new Fact.Joined(uuid(member, "memberId"), uuid(data, "teamId"), child, text(member, "agencyId"), at);
    }

    private static List<UUID> children(UUID... ids) {
        return java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).toList();
    }

    /** When the event's fact happened, from the first time field it carries. */
    private static java.time.Instant instant(JsonNode data) {
        for (String field : List.of("recordedAt", "occurredAt", "sharedAt", "decidedAt", "madeAt", "formedAt", "addedAt",
                "leftAt", "linkedAt", "unlinkedAt")) {
            String v = text(data, field);
            if (v != null) {
                try {
                    return java.time.Instant.parse(v);
                } catch (java.time.format.DateTimeParseException ignored) {
                    // try the next field
                }
            }
        }
        return java.time.Instant.EPOCH;
    }

    private static java.time.LocalDate date(JsonNode data, String field) {
        String v = text(data, field);
        try {
            return v == null ? null : java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static List<Recipient> agency(JsonNode data, String field) {
        String agency = text(data, field);
        return agency == null ? List.of() : List.of(new Recipient.Agency(agency));
    }

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** A moment as people read it, to the minute. */
    private static String when(JsonNode data, String field) {
        String v = text(data, field);
        try {
            return v == null ? "an unknown time" : MINUTE.format(java.time.Instant.parse(v));
        } catch (java.time.format.DateTimeParseException e) {
            return v;
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        String v = text(data, field);
        try {
            return v == null ? null : UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
