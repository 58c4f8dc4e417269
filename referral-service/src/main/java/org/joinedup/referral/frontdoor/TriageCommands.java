package org.joinedup.referral.frontdoor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.joinedup.events.frontdoor.TriageEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.platform.store.Jdbc;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.frontdoor.domain.TriageCommand;
import org.joinedup.referral.frontdoor.domain.TriageDecider;
import org.joinedup.referral.frontdoor.domain.TriageState;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Runs the triage queue's commands through the {@link CommandHandler}, keeping the queue's read model in the same transaction. */
@ApplicationScoped
public class TriageCommands {
    private static final Logger LOG = Logger.getLogger(TriageCommands.class);
    private final CommandHandler handler;
    private final TriageViews views;
    private final DataSource dataSource;
    private final StreamKind<TriageCommand, TriageState, TriageEvent> triage;

    public TriageCommands(CommandHandler handler, TriageViews views, DataSource dataSource, Timescales timescales) {
        this.handler = handler;
        this.views = views;
        this.dataSource = dataSource;
        this.triage = StreamKind.of("triage-", TriageEvent.class, new TriageDecider(timescales.days(), timescales.decision()))
                .keeping((state, appended) -> views.put((TriageState.Item) state, appended.get(0).recordedAt()));
    }

    /** A contact: what reached the front door, about which child, from whom, at what risk, when. */
    public record Contact(UUID childId, String frontDoor, String source, UUID sourceId, String fromAgency, String riskLevel,
                          Instant receivedAt) {
    }

    /**
     * The contact joins the child's item awaiting the front door's decision, or opens one. Contacts about one
     * child at one front door are serialised by a transaction-scoped advisory lock, so two arriving at once
     * find the same item; receiving the same contact again changes nothing.
     */
    @Transactional
    public TriageState.Item receive(Contact c, EventMetadata meta) {
        Jdbc.query(dataSource, "select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null,
                "triage|" + c.frontDoor() + "|" + c.childId());
        UUID triageId = views.awaiting(c.frontDoor(), c.childId()).orElseGet(UUID::randomUUID);
        TriageState.Item item = (TriageState.Item) handler.handle(triage, triageId, ExpectedVersion.any(), meta,
                now -> new TriageCommand.ReceiveContact(triageId, c.childId(), c.frontDoor(), c.source(), c.sourceId(),
                        c.fromAgency(), c.riskLevel(), c.receivedAt())).state();
        LOG.infof("contact %s (%s, %s) about child %s in the triage queue of %s (item %s)", c.sourceId(), c.source(),
                c.riskLevel(), c.childId(), c.frontDoor(), triageId);
        return item;
    }

    /** A decision, at the version the caller expects. */
    @Transactional
    public Handled<TriageState> decide(UUID triageId, ExpectedVersion expected, EventMetadata meta,
                                       Function<Instant, TriageCommand> command) {
        return handler.handle(triage, triageId, expected, meta, command);
    }

    /**
     * Records that the item's clock ran out (the sweep calls this), as the service on behalf of the front door.
     *
     * @return how many overdue events were recorded
     */
    @Transactional
    public int recordOverdue(UUID triageId) {
        return handler.handle(triage, triageId, ExpectedVersion.any(),
                new EventMetadata("referral-service", null, UUID.randomUUID(), null), TriageCommand.RecordOverdue::new)
                .appended().size();
    }
}
