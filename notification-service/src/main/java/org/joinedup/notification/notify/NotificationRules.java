package org.joinedup.notification.notify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            default -> List.of();
        };
    }

    /** What an event of this type teaches for later ones. */
    public static Optional<Fact> learn(String type, JsonNode data) {
        return switch (type) {
            case "information-shared" -> Optional.of(new Fact.ShareSent(uuid(data, "shareId"), text(data, "fromAgency"), text(data, "toAgency")));
            case "referral-made" -> Optional.of(new Fact.ReferralSides(uuid(data, "referralId"), text(data, "fromAgency"), text(data, "toAgency")));
            default -> Optional.empty();
        };
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
