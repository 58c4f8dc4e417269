package org.joinedup.referral.team;

import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.http.FieldErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


/** The JSON bodies of the Team Around the Child endpoints, and the field rules each must meet. */
public final class TeamRequests {
    public static final int MAX_TEXT = 2000;
    public static final int MAX_MEMBERS = 50;

    private TeamRequests() {
    }

    /**
     * A member: {@code kind} practitioner (with agencyId and practitionerId, the practitioner's id in
     * their agency's identity provider) or parent-carer (with a name); a role either way.
     */
    public record Member(String kind, String name, String role, String agencyId, String practitionerId,
                         Boolean leadProfessional) {

        TeamMember check(FieldErrors errors, String prefix, DirectoryQueries directory) {
            String k = kind == null ? null : kind.trim();
            if (k == null || k.isEmpty()) {
                errors.add(prefix + "kind", "required", "is required: practitioner or parent-carer");
                return null;
            }
            if (MemberKind.fromWireName(k).isEmpty()) {
                errors.add(prefix + "kind", "one-of", "must be one of practitioner, parent-carer");
                return null;
            }
            String r = errors.optionalText(prefix + "role", role, 200);
            if (k.equals(MemberKind.PARENT_CARER.wireName())) {
                String n = errors.text(prefix + "name", name, 200);
                if (agencyId != null || practitionerId != null) {
                    errors.add(prefix + "agencyId", "practitioners-only", "a parent or carer has no agency or practitioner id");
                }
                if (Boolean.TRUE.equals(leadProfessional)) {
                    errors.add(prefix + "leadProfessional", "practitioner-member",
                            "the lead professional is a practitioner; parents and carers are members but not lead professional");
                }
                return new TeamMember(UUID.randomUUID(), k, n, r, null, null);
            }
            String n = errors.optionalText(prefix + "name", name, 200);
            String a = errors.text(prefix + "agencyId", agencyId, 100);
            String p = errors.text(prefix + "practitionerId", practitionerId, 200);
            if (a != null && errors.isEmpty()) {
                directory.requireActiveAgency(prefix + "agencyId", a);
            }
            return new TeamMember(UUID.randomUUID(), k, n, r, a, p);
        }
    }

    /** POST /teams: a team for a child, formed directly by a safeguarding lead. */
    public record Form(String childId, List<Member> members, Integer reviewEveryWeeks, String leadReason, String assessmentId) {
    }

    /** POST /teams/{id}/assessment: the early help assessment the team works from. */
    public record Link(String assessmentId) {
    }

    /** POST /teams/{id}/lead-professional. */
    public record AssignLead(String memberId, String reason) {
    }

    /** POST /teams/{id}/actions. */
    public record Agree(String description, String ownerMemberId, String dueOn) {
    }

    /** POST .../reassignment. */
    public record Reassign(String ownerMemberId, String reason) {
    }

    public record Note(String note) {
    }

    /** POST /teams/{id}/closure: why the team stops working with the family (CareVocabulary.TeamClosing), and a note. */
    public record Close(String reason, String note) {
    }

    public record Reason(String reason) {
    }

    /** POST /teams/{id}/reviews. */
    public record Review(String heldOn, List<String> attendees, List<String> decisions, String nextReviewBy,
                         List<Rating> wellbeing, String assessment) {
    }

    /** What a review says of the early help assessment the team works from: it still stands, or was revised. */
    public static final List<String> ASSESSMENT_REVIEW = List.of("stands", "revised");

    /** A wellbeing indicator the plan addresses, rated on the fixed scale, with why. */
    public record Rating(String indicator, String level, String note) {
    }

    /**
     * The review's ratings: each a SHANARRI indicator ({@code one-of}), once ({@code unique}), on the
     * scale ({@code one-of}: significant-concern, some-concern, partly-met, mostly-met, thriving), with
     * an optional note. None is allowed (a review that rates nothing).
     */
    static List<org.joinedup.events.team.WellbeingRating> ratings(FieldErrors errors, List<Rating> ratings) {
        List<org.joinedup.events.team.WellbeingRating> checked = new ArrayList<>();
        if (ratings == null) {
            return checked;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            Rating r = ratings.get(i);
            String at = "wellbeing[" + i + "]";
            if (r == null) {
                errors.add(at, "required", "is required: an indicator and a level");
                continue;
            }
            var indicator = errors.oneOf(at + ".indicator", r.indicator(), org.joinedup.events.concern.WellbeingIndicator.class);
            var level = errors.oneOf(at + ".level", r.level(), org.joinedup.events.team.WellbeingLevel.class);
            String note = errors.optionalText(at + ".note", r.note(), MAX_TEXT);
            if (indicator != null && !seen.add(indicator.wireName())) {
                errors.add(at + ".indicator", "unique", "is rated twice in this review");
            } else if (indicator != null && level != null) {
                checked.add(new org.joinedup.events.team.WellbeingRating(indicator.wireName(), level.wireName(), note));
            }
        }
        return checked;
    }

    static List<TeamMember> members(FieldErrors errors, List<Member> members, DirectoryQueries directory) {
        List<TeamMember> checked = new ArrayList<>();
        if (members == null || members.isEmpty()) {
            errors.add("members", "required", "a team has at least one member");
            return checked;
        }
        if (members.size() > MAX_MEMBERS) {
            errors.add("members", "max-items", "at most " + MAX_MEMBERS + " members");
            return checked;
        }
        long leads = members.stream().filter(m -> m != null && Boolean.TRUE.equals(m.leadProfessional())).count();
        if (leads > 1) {
            errors.add("members", "one-lead-professional", "at most one member is the lead professional");
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) == null) {
                errors.add("members[" + i + "]", "required", "must be a member");
                continue;
            }
            checked.add(members.get(i).check(errors, "members[" + i + "].", directory));
        }
        return checked;
    }
}
