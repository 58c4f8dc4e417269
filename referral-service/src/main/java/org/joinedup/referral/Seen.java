package org.joinedup.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.joinedup.events.EventJson;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.Headline;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.RecordRef;
import org.joinedup.needtoknow.Sight;
import org.joinedup.referral.referral.ReferralView;
import org.joinedup.referral.team.TeamView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Referrals and teams as a reader may see them (docs/access.md): in full for the agencies on either side
 * of a referral, the team's member agencies, the child's front door and a lead under break-glass; as a
 * headline for any other agency with a relationship with the child. Every answer says which
 * ({@code visibility}).
 */
public final class Seen {
    private static final ObjectMapper JSON = EventJson.mapper();

    private Seen() {
    }

    public static boolean inFull(ReferralView v, ChildSight sight) {
        return sight.sight(new RecordRef(RecordKind.REFERRAL, v.referralId(), v.fromAgency(), List.of(v.toAgency())))
                == Sight.FULL;
    }

    public static boolean inFull(TeamView t, ChildSight sight) {
        return sight.sight(new RecordRef(RecordKind.TEAM, t.teamId(), null, memberAgencies(t))) == Sight.FULL;
    }

    /** A referral in full, marked so. */
    public static ObjectNode full(Object view) {
        ObjectNode node = JSON.valueToTree(view);
        node.put("visibility", Sight.FULL.wireName());
        return node;
    }

    /** That there is a referral: who referred the child to whom, when, its urgency and status, and whom to call. */
    public record ReferralHeadline(String visibility, UUID referralId, UUID childId, String fromAgency, String toAgency,
                                   String status, Instant madeAt, Headline headline) {
    }

    public static ReferralHeadline headline(ReferralView v, ChildReads reads) {
        return new ReferralHeadline(Sight.HEADLINE.wireName(), v.referralId(), v.childId(), v.fromAgency(), v.toAgency(),
                v.status(), v.madeAt(), reads.headline(RecordKind.REFERRAL, v.referralId(), null, v.fromAgency(),
                v.urgency(), v.madeAt()));
    }

    /** That the child has a Team Around the Child: which agencies are in it, since when, and whom to call (its lead professional's agency). */
    public record TeamHeadline(String visibility, UUID teamId, UUID childId, Instant formedAt, List<String> agencies,
                               Headline headline) {
    }

    public static TeamHeadline headline(TeamView t, ChildReads reads) {
        String contact = t.leadProfessional() == null ? memberAgencies(t).stream().findFirst().orElse(null)
                : t.member(t.leadProfessional()).agencyId();
        return new TeamHeadline(Sight.HEADLINE.wireName(), t.teamId(), t.childId(), t.formedAt(), memberAgencies(t),
                reads.headline(RecordKind.TEAM, t.teamId(), null, contact, null, t.formedAt()));
    }

    static List<String> memberAgencies(TeamView t) {
        return t.members().stream().filter(m -> m.active() && m.agencyId() != null).map(TeamView.Member::agencyId)
                .distinct().toList();
    }
}
