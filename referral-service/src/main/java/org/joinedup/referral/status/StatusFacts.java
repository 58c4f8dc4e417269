package org.joinedup.referral.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.joinedup.events.protection.ChildProtectionPlanEnded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ReviewConferenceHeld;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.platform.store.EventsAppended;
import org.joinedup.platform.store.Jdbc;
import org.joinedup.platform.store.StoredEvent;

import javax.sql.DataSource;
import java.sql.Timestamp;

/**
 * The facts a child's status is derived from (docs/pathway.md), kept as the service's own events are
 * appended, in their transaction: a child protection plan from its initial conference to its end (its
 * categories as the latest review left them), early help from a Team Around the Child.
 */
@ApplicationScoped
public class StatusFacts {
    static final String CHILD_PROTECTION_PLAN = "child-protection-plan";
    static final String EARLY_HELP = "early-help";
    private final DataSource dataSource;

    public StatusFacts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void appended(@Observes EventsAppended appended) {
        for (StoredEvent e : appended.events()) {
            switch (e.payload()) {
                case InitialConferenceHeld c when !c.categories().isEmpty() -> Jdbc.update(dataSource, """
                        insert into child_status_fact (fact_id, child_id, kind, agency_id, lead, categories, since)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (fact_id) do nothing""", c.episodeId(), c.childId(),
                        CHILD_PROTECTION_PLAN, c.localAuthority(), c.leadSocialWorker(), c.categories().toArray(String[]::new),
                        Timestamp.from(c.heldAt()));
                case ReviewConferenceHeld r when !r.categories().isEmpty() -> Jdbc.update(dataSource,
                        "update child_status_fact set categories = ? where fact_id = ?", r.categories().toArray(String[]::new),
                        r.episodeId());
                case ChildProtectionPlanEnded end -> Jdbc.update(dataSource,
                        "update child_status_fact set ended_at = ? where fact_id = ?", Timestamp.from(end.endedAt()),
                        end.episodeId());
                case TeamAroundChildFormed f -> Jdbc.update(dataSource, """
                        insert into child_status_fact (fact_id, child_id, kind, agency_id, lead, categories, since)
                        values (?, ?, ?, ?, null, '{}', ?) on conflict (fact_id) do nothing""", f.teamId(), f.childId(),
                        EARLY_HELP, f.formedByAgency(), Timestamp.from(f.formedAt()));
                default -> {
                }
            }
        }
    }
}
