package org.joinedup.referral.frontdoor.domain;

import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.frontdoor.TriageDecided;
import org.joinedup.events.frontdoor.TriageDecisionOverdue;
import org.joinedup.events.frontdoor.TriageEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a triage item's events say about it now. Immutable. */
public sealed interface TriageState {

    /** Where an item stands. */
    enum Status {
        AWAITING_DECISION("awaiting-decision"), DECIDED("decided");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    record None() implements TriageState {
    }

    /**
     * An item: the child, the front door, every contact in the order received, when the decision is due,
     * the decision once made (null until then), when the clock was recorded as run out (null when it was
     * not), and the item's version.
     */
    record Item(UUID triageId, UUID childId, String frontDoor, List<ContactReceived> contacts, Instant decisionDueBy,
                TriageDecided decision, Instant overdueAt, int version) implements TriageState {
        public Item {
            contacts = List.copyOf(contacts);
        }

        public Status status() {
            return decision == null ? Status.AWAITING_DECISION : Status.DECIDED;
        }

        public boolean holds(UUID sourceId) {
            return contacts.stream().anyMatch(c -> c.sourceId().equals(sourceId));
        }

        /** The agencies the contacts came from, each once, in the order they came. */
        public List<String> raisedBy() {
            return contacts.stream().map(ContactReceived::fromAgency).distinct().toList();
        }
    }

    static TriageState evolve(TriageState state, TriageEvent event) {
        return switch (event) {
            case ContactReceived c when state instanceof None -> new Item(c.triageId(), c.childId(), c.frontDoor(), List.of(c),
                    c.decisionDueBy(), null, null, 1);
            case ContactReceived c when state instanceof Item i -> {
                List<ContactReceived> contacts = new ArrayList<>(i.contacts());
                contacts.add(c);
                yield new Item(i.triageId(), i.childId(), i.frontDoor(), contacts, i.decisionDueBy(), i.decision(),
                        i.overdueAt(), i.version() + 1);
            }
            case TriageDecided d when state instanceof Item i -> new Item(i.triageId(), i.childId(), i.frontDoor(), i.contacts(),
                    i.decisionDueBy(), d, i.overdueAt(), i.version() + 1);
            case TriageDecisionOverdue o when state instanceof Item i -> new Item(i.triageId(), i.childId(), i.frontDoor(),
                    i.contacts(), i.decisionDueBy(), i.decision(), o.detectedAt(), i.version() + 1);
            case ContactReceived c -> throw new IllegalStateException("unreachable: a contact opens or joins an item");
            case TriageDecided d -> throw new IllegalStateException("triage-decided before any contact");
            case TriageDecisionOverdue o -> throw new IllegalStateException("triage-decision-overdue before any contact");
        };
    }
}
