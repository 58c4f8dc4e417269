package org.joinedup.notification.notify;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the notification rules learnt from earlier events, in this service's own tables: who is
 * involved with which child record, links between records, team members and actions, the sides of
 * shares and referrals. Every change is idempotent, so an event applied again changes nothing. Runs
 * in the caller's reactive session and transaction.
 */
final class KnownFacts {
    private KnownFacts() {
    }

    static Uni<Void> remember(NotificationRules.Fact fact) {
        if (fact instanceof NotificationRules.Fact.Involved f) {
            if (f.childId() == null || f.agencyId() == null || f.refId() == null) {
                return done();
            }
            return update("""
                    insert into involvement (child_id, agency_id, via, ref_id, began_at) values (:child, :agency, :via, :ref, :at)
                    on conflict do nothing""", q -> q.setParameter("child", f.childId()).setParameter("agency", f.agencyId())
                    .setParameter("via", f.via()).setParameter("ref", f.refId()).setParameter("at", f.at()));
        }
        if (fact instanceof NotificationRules.Fact.Joined f) {
            if (f.memberId() == null || f.teamId() == null || f.childId() == null) {
                return done();
            }
            if (f.agencyId() == null) {
                return update("""
                        insert into team_member (member_id, team_id, child_id, in_team) values (:member, :team, :child, true)
                        on conflict do nothing""", q -> q.setParameter("member", f.memberId()).setParameter("team", f.teamId())
                        .setParameter("child", f.childId()));
            }
            return update("""
                    insert into team_member (member_id, team_id, child_id, agency_id, in_team) values (:member, :team, :child, :agency, true)
                    on conflict do nothing""", q -> q.setParameter("member", f.memberId()).setParameter("team", f.teamId())
                    .setParameter("child", f.childId()).setParameter("agency", f.agencyId()))
                    .flatMap(x -> remember(new NotificationRules.Fact.Involved(f.childId(), f.agencyId(), "team-member", f.memberId(), f.at())));
        }
        if (fact instanceof NotificationRules.Fact.Left f) {
            if (f.memberId() == null) {
                return done();
            }
            return update("update team_member set in_team = false where member_id = :member", q -> q.setParameter("member", f.memberId()))
                    .flatMap(x -> update("""
                            update involvement set ended_at = :at where via = 'team-member' and ref_id = :member and ended_at is null""",
                            q -> q.setParameter("at", f.at()).setParameter("member", f.memberId())));
        }
        if (fact instanceof NotificationRules.Fact.ActionSet f) {
            if (f.actionId() == null || f.teamId() == null || f.childId() == null || f.ownerMemberId() == null) {
                return done();
            }
            return update("""
                    insert into team_action (action_id, team_id, child_id, owner_member_id, due_on, open)
                    values (:action, :team, :child, :owner, :due, true) on conflict do nothing""",
                    q -> q.setParameter("action", f.actionId()).setParameter("team", f.teamId()).setParameter("child", f.childId())
                            .setParameter("owner", f.ownerMemberId()).setParameter("due", f.dueOn()));
        }
        if (fact instanceof NotificationRules.Fact.ActionOwner f) {
            if (f.actionId() == null || f.ownerMemberId() == null) {
                return done();
            }
            return update("update team_action set owner_member_id = :owner where action_id = :action",
                    q -> q.setParameter("owner", f.ownerMemberId()).setParameter("action", f.actionId()));
        }
        if (fact instanceof NotificationRules.Fact.ActionClosed f) {
            return f.actionId() == null ? done()
                    : update("update team_action set open = false where action_id = :action", q -> q.setParameter("action", f.actionId()));
        }
        if (fact instanceof NotificationRules.Fact.Linked f) {
            if (f.linkId() == null || f.childId() == null || f.linkedChildId() == null) {
                return done();
            }
            return update("""
                    insert into child_link (link_id, child_id, linked_child_id, in_force) values (:link, :child, :linked, true)
                    on conflict do nothing""", q -> q.setParameter("link", f.linkId()).setParameter("child", f.childId())
                    .setParameter("linked", f.linkedChildId()));
        }
        if (fact instanceof NotificationRules.Fact.Unlinked f) {
            return f.linkId() == null ? done()
                    : update("update child_link set in_force = false where link_id = :link", q -> q.setParameter("link", f.linkId()));
        }
        if (fact instanceof NotificationRules.Fact.ShareSent s) {
            if (s.shareId() == null || s.fromAgency() == null || s.toAgency() == null) {
                return done();
            }
            return ShareSide.<ShareSide>findById(s.shareId()).flatMap(known -> {
                if (known != null) {
                    return done();
                }
                ShareSide side = new ShareSide();
                side.shareId = s.shareId();
                side.fromAgency = s.fromAgency();
                side.toAgency = s.toAgency();
                return side.persist().replaceWithVoid();
            });
        }
        NotificationRules.Fact.ReferralSides r = (NotificationRules.Fact.ReferralSides) fact;
        if (r.referralId() == null || r.fromAgency() == null || r.toAgency() == null) {
            return done();
        }
        return ReferralSide.<ReferralSide>findById(r.referralId()).flatMap(known -> {
            if (known != null) {
                return done();
            }
            ReferralSide side = new ReferralSide();
            side.referralId = r.referralId();
            side.fromAgency = r.fromAgency();
            side.toAgency = r.toAgency();
            return side.persist().replaceWithVoid();
        });
    }

    /** The agencies a recipient names, as far as the facts known now say. */
    static Uni<List<String>> agencies(NotificationRules.Recipient r) {
        if (r instanceof NotificationRules.Recipient.Agency a) {
            return Uni.createFrom().item(List.of(a.agencyId()));
        }
        if (r instanceof NotificationRules.Recipient.ShareSender s) {
            return s.shareId() == null ? none() : ShareSide.<ShareSide>findById(s.shareId())
                    .map(side -> side == null ? List.of() : List.of(side.fromAgency));
        }
        if (r instanceof NotificationRules.Recipient.ReferralSides rs) {
            return rs.referralId() == null ? none() : ReferralSide.<ReferralSide>findById(rs.referralId())
                    .map(side -> side == null ? List.of() : List.of(side.fromAgency, side.toAgency));
        }
        if (r instanceof NotificationRules.Recipient.MemberAgency m) {
            return m.memberId() == null ? none() : strings("select agency_id from team_member where member_id = :member and agency_id is not null",
                    q -> q.setParameter("member", m.memberId()));
        }
        if (r instanceof NotificationRules.Recipient.TeamAgencies t) {
            return t.teamId() == null ? none() : strings("""
                    select distinct agency_id from team_member where team_id = :team and in_team and agency_id is not null
                    order by agency_id""", q -> q.setParameter("team", t.teamId()));
        }
        NotificationRules.Recipient.Involved involved = (NotificationRules.Recipient.Involved) r;
        if (involved.childIds().isEmpty()) {
            return none();
        }
        return group(new LinkedHashSet<>(involved.childIds()), new LinkedHashSet<>(involved.childIds()))
                .flatMap(records -> strings("""
                        select distinct agency_id from involvement where child_id in (:children) and ended_at is null
                        order by agency_id""", q -> q.setParameter("children", new ArrayList<>(records))));
    }

    /** The records linked, directly or through others, to the given ones, by the links in force. */
    private static Uni<Set<UUID>> group(Set<UUID> known, Set<UUID> frontier) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select child_id, linked_child_id from child_link
                        where in_force and (child_id in (:ids) or linked_child_id in (:ids))""", Object[].class)
                .setParameter("ids", new ArrayList<>(frontier)).getResultList())
                .flatMap(rows -> {
                    Set<UUID> next = new LinkedHashSet<>();
                    for (Object[] row : rows) {
                        for (Object id : row) {
                            if (known.add((UUID) id)) {
                                next.add((UUID) id);
                            }
                        }
                    }
                    return next.isEmpty() ? Uni.createFrom().item(known) : group(known, next);
                });
    }

    private static Uni<List<String>> strings(String sql, java.util.function.UnaryOperator<Mutiny.SelectionQuery<String>> bind) {
        return Panache.getSession().flatMap(session -> bind.apply(session.createNativeQuery(sql, String.class)).getResultList());
    }

    static Uni<Void> update(String sql, java.util.function.UnaryOperator<Mutiny.Query<Object>> bind) {
        return Panache.getSession().flatMap(session -> bind.apply(session.<Object>createNativeQuery(sql)).executeUpdate()).replaceWithVoid();
    }

    private static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }

    private static Uni<List<String>> none() {
        return Uni.createFrom().item(List.of());
    }
}
