package org.joinedup.referral.frontdoor;

import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.referral.frontdoor.domain.TriageState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item of a front door's triage queue as the front door reads it: the child, every contact (what it
 * was, from whom, at what risk, when), the highest risk among them, the decision's clock as of the moment
 * of reading, and the decision once made.
 *
 * @param clock running, overdue, met or met-late
 */
public record TriageView(UUID triageId, UUID childId, String frontDoor, String status, String highestRisk,
                         List<Contact> contacts, Instant firstReceivedAt, Instant decisionDueBy, String clock,
                         Instant overdueRecordedAt, Decision decision, int version, String visibility) {
    /** Only the front door reads its queue, and it reads every item in full. */
    static final String FULL = "full";

    public record Contact(String source, UUID sourceId, String fromAgency, String riskLevel, Instant receivedAt) {
    }

    public record Decision(String outcome, String reason, List<UUID> contacts, List<String> raisedBy, String decidedBy,
                           Instant decidedAt) {
    }

    /** The order of risk levels and urgencies, lowest first; an unknown one counts as the lowest. */
    static final List<String> RISK_ORDER = List.of("low", "routine", "medium", "urgent", "high", "immediate");

    static int rank(String risk) {
        return RISK_ORDER.indexOf(risk);
    }

    public static TriageView of(TriageState.Item i, Instant now) {
        List<Contact> contacts = i.contacts().stream().map(c -> new Contact(c.source(), c.sourceId(), c.fromAgency(),
                c.riskLevel(), c.receivedAt())).toList();
        String highest = i.contacts().stream().map(ContactReceived::riskLevel)
                .max(java.util.Comparator.comparingInt(TriageView::rank)).orElse(null);
        Decision decision = i.decision() == null ? null : new Decision(i.decision().outcome(), i.decision().reason(),
                i.decision().contacts(), i.decision().raisedBy(), i.decision().decidedBy(), i.decision().decidedAt());
        return new TriageView(i.triageId(), i.childId(), i.frontDoor(), i.status().wireName(), highest, contacts,
                i.contacts().get(0).receivedAt(), i.decisionDueBy(), null, i.overdueAt(), decision, i.version(), FULL).at(now);
    }

    /** The same view with the clock's status as of {@code now}. */
    public TriageView at(Instant now) {
        String status = decision != null ? (decision.decidedAt().isBefore(decisionDueBy) ? "met" : "met-late")
                : now.isBefore(decisionDueBy) ? "running" : "overdue";
        return new TriageView(triageId, childId, frontDoor, this.status, highestRisk, contacts, firstReceivedAt, decisionDueBy,
                status, overdueRecordedAt, decision, version, visibility);
    }
}
