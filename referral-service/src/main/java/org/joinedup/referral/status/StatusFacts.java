package org.joinedup.referral.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.joinedup.events.care.ChildInNeedPlanEnded;
import org.joinedup.events.care.ChildInNeedPlanStarted;
import org.joinedup.events.care.LookedAfterEnded;
import org.joinedup.events.care.LookedAfterLegalStatusChanged;
import org.joinedup.events.care.LookedAfterStarted;
import org.joinedup.events.care.PoliceProtectionEnded;
import org.joinedup.events.care.PoliceProtectionStarted;
import org.joinedup.events.protection.ChildProtectionPlanEnded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ReviewConferenceHeld;
import org.joinedup.events.team.TeamAroundChildClosed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.platform.store.EventsAppended;
import org.joinedup.platform.store.Jdbc;
import org.joinedup.platform.store.StoredEvent;

import javax.sql.DataSource;
import java.sql.Timestamp;

/**
 * The facts a child's status is derived from (docs/pathway.md), kept as the service's own events are
 * appended, in their transaction: police protection from its start to its end; a child protection plan from
 * its initial conference to its end (its categories as the latest review left them); looked after, under its
 * current legal status; a child in need plan; early help while a Team Around the Child works with the family.
 */
@ApplicationScoped
public class StatusFacts {
    static final String POLICE_PROTECTION = "police-protection";
    static final String CHILD_PROTECTION_PLAN = "child-protection-plan";
    static final String LOOKED_AFTER = "looked-after";
    static final String CHILD_IN_NEED = "child-in-need";
    static final String EARLY_HELP = "early-help";
    /** The most serious first: what the answer names when more than one is in force. */
    static final java.util.List<String> PRECEDENCE = java.util.List.of(POLICE_PROTECTION, CHILD_PROTECTION_PLAN, LOOKED_AFTER,
            CHILD_IN_NEED, EARLY_HELP);
    private final DataSource dataSource;

    public StatusFacts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void appended(@Observes EventsAppended appended) {
        for (StoredEvent e : appended.events()) {
            switch (e.payload()) {
                case InitialConferenceHeld c when !c.categories().isEmpty() -> started(c.episodeId(), c.childId(),
                        CHILD_PROTECTION_PLAN, c.localAuthority(), c.leadSocialWorker(), c.categories().toArray(String[]::new),
                        c.heldAt());
                case ReviewConferenceHeld r when !r.categories().isEmpty() -> Jdbc.update(dataSource,
                        "update child_status_fact set categories = ? where fact_id = ?", r.categories().toArray(String[]::new),
                        r.episodeId());
                case ChildProtectionPlanEnded end -> ended(end.episodeId(), end.endedAt());
                case TeamAroundChildFormed f -> started(f.teamId(), f.childId(), EARLY_HELP, f.formedByAgency(), null,
                        new String[0], f.formedAt());
                case TeamAroundChildClosed c -> ended(c.teamId(), c.closedAt());
                case ChildInNeedPlanStarted p -> started(p.planId(), p.childId(), CHILD_IN_NEED, p.localAuthority(),
                        p.leadSocialWorker(), new String[0], p.startedAt());
                case ChildInNeedPlanEnded p -> ended(p.planId(), p.endedAt());
                case LookedAfterStarted l -> started(l.episodeId(), l.childId(), LOOKED_AFTER, l.localAuthority(), null,
                        new String[] {l.legalStatus()}, l.startedAt());
                case LookedAfterLegalStatusChanged l -> Jdbc.update(dataSource,
                        "update child_status_fact set categories = ? where fact_id = ?", new String[] {l.legalStatus()},
                        l.episodeId());
                case LookedAfterEnded l -> ended(l.episodeId(), l.endedAt());
                case PoliceProtectionStarted p -> started(p.protectionId(), p.childId(), POLICE_PROTECTION,
                        p.localAuthority() != null ? p.localAuthority() : p.policeAgency(), null, new String[0], p.takenAt());
                case PoliceProtectionEnded p -> ended(p.protectionId(), p.endedAt());
                default -> {
                }
            }
        }
    }

    private void started(java.util.UUID factId, java.util.UUID childId, String kind, String agencyId, String lead,
                         String[] categories, java.time.Instant since) {
        Jdbc.update(dataSource, """
                insert into child_status_fact (fact_id, child_id, kind, agency_id, lead, categories, since)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (fact_id) do nothing""", factId, childId, kind, agencyId, lead,
                categories, Timestamp.from(since));
    }

    private void ended(java.util.UUID factId, java.time.Instant at) {
        Jdbc.update(dataSource, "update child_status_fact set ended_at = ? where fact_id = ?", Timestamp.from(at), factId);
    }
}
