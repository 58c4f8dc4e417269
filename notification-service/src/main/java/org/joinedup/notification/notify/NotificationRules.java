package org.joinedup.notification.notify;

import org.joinedup.events.EventPayload;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.care.ChildInNeedReviewOverdue;
import org.joinedup.events.care.EmergencyProtectionOrderExpired;
import org.joinedup.events.care.PoliceProtectionEnded;
import org.joinedup.events.care.PoliceProtectionOverdue;
import org.joinedup.events.care.PoliceProtectionStarted;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShareDeclined;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.frontdoor.TriageDecided;
import org.joinedup.events.frontdoor.TriageDecisionOverdue;
import org.joinedup.events.protection.ChildProtectionClockOverdue;
import org.joinedup.events.referral.AssessmentOverdue;
import org.joinedup.events.referral.ConferenceOverdue;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralDecisionOverdue;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.status.ChildStatusLookedUp;
import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCancelled;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.ActionOverdue;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.MemberAdded;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which agencies an event concerns, and what to tell them: the rule for each kind of notification in
 * one place (docs/notifications.md). A notification carries identifiers and a headline naming
 * agencies only; the receiver reads the detail through the API with its own token, which records
 * the read. Pure, over the typed events of the {@code events} module: what earlier events taught (who
 * sent a share, the sides of a referral) is looked up by the caller.
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

    /** The notifications an event makes; none for the events nobody is told about. */
    public static List<Planned> plan(EventPayload event) {
        return switch (event) {
            case InformationShared s -> List.of(new Planned(NotificationKind.SHARE_RECEIVED, agency(s.toAgency()), s.childId(),
                    s.fromAgency() + " shared information about a child with your agency", "share", s.shareId()));
            case InformationShareDeclined d -> List.of(new Planned(NotificationKind.SHARE_DECLINED, agency(d.fromAgency()),
                    d.childId(), "a decision not to share information with " + d.toAgency() + " was recorded",
                    "sharing-decision", d.declineId()));
            case InformationShareAcknowledged a -> List.of(new Planned(NotificationKind.SHARE_ACKNOWLEDGED,
                    List.of(new Recipient.ShareSender(a.shareId())), a.childId(),
                    a.toAgency() + " acknowledged the information your agency shared", "share", a.shareId()));
            case ReferralMade m -> List.of(new Planned(NotificationKind.REFERRAL_RECEIVED, agency(m.toAgency()), m.childId(),
                    m.fromAgency() + " referred a child to your agency (" + m.urgency() + "); a decision is due by "
                            + when(m.decisionDueBy()), "referral", m.referralId()));
            case ReferralDecided d -> List.of(new Planned(NotificationKind.REFERRAL_DECIDED,
                    List.of(new Recipient.ReferralSides(d.referralId())), d.childId(),
                    d.toAgency() + " decided a referral: " + d.outcome(), "referral", d.referralId()));
            case ReferralDecisionOverdue o -> overdue("referral-decision", o.referralId(), o.childId(), o.dueBy());
            case AssessmentOverdue o -> overdue("assessment", o.referralId(), o.childId(), o.dueBy());
            case ConferenceOverdue o -> overdue("conference", o.referralId(), o.childId(), o.dueBy());
            case EmergencyAccessGranted g -> {
                List<Recipient> to = new ArrayList<>();
                g.notifiedAgencies().forEach(a -> to.add(new Recipient.Agency(a)));
                yield to.isEmpty() ? List.of() : List.of(new Planned(NotificationKind.EMERGENCY_ACCESS, to, g.childId(),
                        g.agencyId() + " opened the records about a child your agency holds (break-glass) until "
                                + when(g.expiresAt()), "emergency-access", g.grantId()));
            }
            case BiggerPictureFlagRaised f -> List.of(new Planned(NotificationKind.BIGGER_PICTURE_FLAG,
                    List.of(new Recipient.Involved(children(f.childId()))), f.childId(),
                    "a bigger-picture flag (" + String.valueOf(f.rule()).replace('-', ' ') + ") was raised about a child "
                            + "your agency is involved with; " + f.agencies().size() + " agencies' records make it up",
                    "flag", f.flagId()));
            case ActionAgreed a -> List.of(new Planned(NotificationKind.ACTION_ASSIGNED,
                    List.of(new Recipient.MemberAgency(a.ownerMemberId())), a.childId(),
                    "a Team Around the Child agreed an action for your agency, due on " + a.dueOn(), "team", a.teamId()));
            case ActionReassigned r -> List.of(new Planned(NotificationKind.ACTION_ASSIGNED,
                    List.of(new Recipient.MemberAgency(r.toMemberId())), r.childId(),
                    "a Team Around the Child reassigned an action to your agency", "team", r.teamId()));
            case ActionOverdue o -> List.of(new Planned(NotificationKind.ACTION_OVERDUE,
                    List.of(new Recipient.MemberAgency(o.ownerMemberId())), o.childId(),
                    "an action your agency owns in a Team Around the Child is overdue (it was due on " + o.dueOn() + ")",
                    "team", o.teamId()));
            case PlanReviewMissed m -> List.of(new Planned(NotificationKind.REVIEW_MISSED,
                    List.of(new Recipient.TeamAgencies(m.teamId())), m.childId(),
                    "a Team Around the Child your agency is in missed its plan review (due by " + m.dueBy() + ")",
                    "team", m.teamId()));
            case ChildRecordsLinked l -> List.of(new Planned(NotificationKind.CHILD_RECORDS_LINK,
                    List.of(new Recipient.Involved(children(l.childId(), l.linkedChildId()))), l.childId(),
                    "a safeguarding lead linked two child records as the same child; your agency holds one of them",
                    "child-link", l.linkId()));
            case ChildRecordsUnlinked u -> List.of(new Planned(NotificationKind.CHILD_RECORDS_LINK,
                    List.of(new Recipient.Involved(children(u.childId(), u.linkedChildId()))), u.childId(),
                    "a safeguarding lead undid a link between two child records; your agency holds one of them",
                    "child-link", u.linkId()));
            case ContactReceived c when URGENT.contains(c.riskLevel()) -> List.of(new Planned(NotificationKind.URGENT_CONTACT,
                    agency(c.frontDoor()), c.childId(), "a " + c.source() + " at " + c.riskLevel() + " risk about a child "
                    + "reached your front door from " + c.fromAgency() + "; a decision is due by " + when(c.decisionDueBy()),
                    "triage", c.triageId()));
            case TriageDecided d -> {
                List<Recipient> told = d.raisedBy().stream().filter(a -> !a.equals(d.frontDoor()))
                        .map(a -> (Recipient) new Recipient.Agency(a)).toList();
                yield told.isEmpty() ? List.of() : List.of(new Planned(NotificationKind.TRIAGE_DECIDED, told, d.childId(),
                        d.frontDoor() + " decided on what your agency raised about a child: " + d.outcome(), "triage",
                        d.triageId()));
            }
            case TriageDecisionOverdue o -> List.of(new Planned(NotificationKind.TRIAGE_OVERDUE, agency(o.frontDoor()),
                    o.childId(), "a contact about a child in your front door's queue was not decided by " + when(o.dueBy()),
                    "triage", o.triageId()));
            case ChildStatusLookedUp l -> l.told().isEmpty() ? List.of() : List.of(new Planned(NotificationKind.STATUS_LOOKUP,
                    l.told().stream().map(a -> (Recipient) new Recipient.Agency(a)).toList(), l.childId(),
                    l.agencyId() + " asked whether anyone is worried about a child your agency is responsible for (told: "
                            + l.answered() + ")", "status-lookup", l.lookupId()));
            case PoliceProtectionStarted p -> p.localAuthority() == null ? List.of() : List.of(new Planned(
                    NotificationKind.POLICE_PROTECTION, agency(p.localAuthority()), p.childId(), p.policeAgency()
                    + " took a child in your area into police protection; it ends by " + when(p.endsBy()),
                    "police-protection", p.protectionId()));
            case PoliceProtectionEnded p -> p.localAuthority() == null ? List.of() : List.of(new Planned(
                    NotificationKind.POLICE_PROTECTION, agency(p.localAuthority()), p.childId(), p.policeAgency()
                    + " ended a police protection of a child in your area: " + p.outcome(), "police-protection",
                    p.protectionId()));
            case PoliceProtectionOverdue o -> List.of(new Planned(NotificationKind.PATHWAY_OVERDUE,
                    o.localAuthority() == null ? agency(o.policeAgency()) : List.of(new Recipient.Agency(o.policeAgency()),
                            new Recipient.Agency(o.localAuthority())), o.childId(),
                    "a child has been in police protection for 72 hours with no end recorded (due by " + when(o.endsBy()) + ")",
                    "police-protection", o.protectionId()));
            case ChildProtectionClockOverdue o -> List.of(new Planned(NotificationKind.PATHWAY_OVERDUE,
                    agency(o.localAuthority()), o.childId(), "a child protection " + o.clock().replace('-', ' ')
                    + " was due by " + when(o.dueBy()) + " and none is recorded", "child-protection", o.episodeId()));
            case ChildInNeedReviewOverdue o -> List.of(new Planned(NotificationKind.PATHWAY_OVERDUE,
                    agency(o.localAuthority()), o.childId(), "a child in need plan's review was due by " + when(o.dueBy())
                    + " and none is recorded", "child-in-need-plan", o.planId()));
            case EmergencyProtectionOrderExpired o -> List.of(new Planned(NotificationKind.PATHWAY_OVERDUE,
                    agency(o.localAuthority()), o.childId(), "an emergency protection order ran out at " + when(o.expiredAt())
                    + " with no other legal status or end recorded", "looked-after", o.episodeId()));
            default -> List.of();
        };
    }

    /** The risk levels (and referral urgencies) at which the front door is told of a contact at once. */
    static final java.util.Set<String> URGENT = java.util.Set.of("high", "immediate");

    private static List<Planned> overdue(String clock, UUID referralId, UUID childId, java.time.Instant dueBy) {
        return List.of(new Planned(NotificationKind.REFERRAL_OVERDUE, List.of(new Recipient.ReferralSides(referralId)),
                childId, "a statutory clock ran out on a referral (" + clock + " was due by " + when(dueBy) + ")",
                "referral", referralId));
    }

    /** The "due soon" reminder for an action, made by the sweep rather than by an event. */
    public static Planned dueSoon(UUID teamId, UUID childId, UUID ownerMemberId, java.time.LocalDate dueOn) {
        return new Planned(NotificationKind.ACTION_DUE_SOON, List.of(new Recipient.MemberAgency(ownerMemberId)), childId,
                "an action your agency owns in a Team Around the Child is due on " + dueOn, "team", teamId);
    }

    /** What an event teaches for later ones, in the order to apply it. */
    public static List<Fact> learn(EventPayload event) {
        List<Fact> facts = new ArrayList<>();
        switch (event) {
            case ConcernRaised r -> facts.add(new Fact.Involved(r.childId(), r.agencyId(), "raised", r.concernId(),
                    r.recordedAt()));
            case InformationShared s -> {
                facts.add(new Fact.ShareSent(s.shareId(), s.fromAgency(), s.toAgency()));
                facts.add(new Fact.Involved(s.childId(), s.fromAgency(), "shared-from", s.shareId(), s.sharedAt()));
                facts.add(new Fact.Involved(s.childId(), s.toAgency(), "shared-to", s.shareId(), s.sharedAt()));
            }
            case InformationShareDeclined d -> facts.add(new Fact.Involved(d.childId(), d.fromAgency(), "recorded",
                    d.declineId(), d.decidedAt()));
            case ReferralMade m -> {
                facts.add(new Fact.ReferralSides(m.referralId(), m.fromAgency(), m.toAgency()));
                facts.add(new Fact.Involved(m.childId(), m.fromAgency(), "referred-from", m.referralId(), m.madeAt()));
                facts.add(new Fact.Involved(m.childId(), m.toAgency(), "referred-to", m.referralId(), m.madeAt()));
            }
            case TeamAroundChildFormed f -> f.members().forEach(m -> facts.add(joined(f.teamId(), m, f.childId(), f.formedAt())));
            case MemberAdded a -> facts.add(joined(a.teamId(), a.member(), a.childId(), a.addedAt()));
            case MemberLeft l -> facts.add(new Fact.Left(l.memberId(), l.leftAt()));
            case ActionAgreed a -> facts.add(new Fact.ActionSet(a.actionId(), a.teamId(), a.childId(), a.ownerMemberId(),
                    a.dueOn()));
            case ActionReassigned r -> facts.add(new Fact.ActionOwner(r.actionId(), r.toMemberId()));
            case ActionCompleted c -> facts.add(new Fact.ActionClosed(c.actionId()));
            case ActionCancelled c -> facts.add(new Fact.ActionClosed(c.actionId()));
            case ChildRecordsLinked l -> facts.add(new Fact.Linked(l.linkId(), l.childId(), l.linkedChildId()));
            case ChildRecordsUnlinked u -> facts.add(new Fact.Unlinked(u.linkId()));
            default -> {
            }
        }
        return facts;
    }

    private static Fact joined(UUID teamId, TeamMember member, UUID child, java.time.Instant at) {
        return new Fact.Joined(member.memberId(), teamId, child, member.agencyId(), at);
    }

    private static List<UUID> children(UUID... ids) {
        return java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Recipient> agency(String agency) {
        return agency == null ? List.of() : List.of(new Recipient.Agency(agency));
    }

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** A moment as people read it, to the minute. */
    private static String when(java.time.Instant at) {
        return at == null ? "an unknown time" : MINUTE.format(at);
    }
}
