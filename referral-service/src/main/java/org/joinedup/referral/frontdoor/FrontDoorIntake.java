package org.joinedup.referral.frontdoor;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.platform.consume.EventHandler;
import org.joinedup.platform.consume.ReceivedEvent;
import org.joinedup.platform.store.EventMetadata;

import java.util.Set;

/**
 * Every concern about a child is a contact for the child's front door(s) (Working Together 2023): as each
 * {@code concern-raised} arrives from {@code concerns.events}, it enters the triage queue of each front
 * door of the child, with its risk level, joining the child's item that awaits a decision there. The
 * contact's clock starts when the concern was recorded, not when it arrived here. Caused by the concern
 * (causation id), in the name of the agency that raised it.
 */
@ApplicationScoped
public class FrontDoorIntake implements EventHandler {
    private final FrontDoors frontDoors;
    private final TriageCommands triage;

    public FrontDoorIntake(FrontDoors frontDoors, TriageCommands triage) {
        this.frontDoors = frontDoors;
        this.triage = triage;
    }

    @Override
    public String consumerName() {
        return "referral-service-front-door";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CONCERNS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof ConcernRaised r) {
            EventMetadata meta = new EventMetadata(event.envelope().actorId(), r.agencyId(),
                    event.envelope().correlationId(), event.envelope().id());
            for (String door : frontDoors.of(r.childId(), r.child() == null ? null : r.child().postcode(), r.agencyId())) {
                triage.receive(new TriageCommands.Contact(r.childId(), door, ContactReceived.CONCERN, r.concernId(),
                        r.agencyId(), r.riskLevel(), r.recordedAt()), meta);
            }
        }
    }
}
