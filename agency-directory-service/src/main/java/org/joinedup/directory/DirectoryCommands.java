package org.joinedup.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.agency.domain.AgencyCommand;
import org.joinedup.directory.agency.domain.AgencyDecider;
import org.joinedup.directory.agency.domain.AgencyState;
import org.joinedup.directory.agreement.domain.AgreementCommand;
import org.joinedup.directory.agreement.domain.AgreementDecider;
import org.joinedup.directory.agreement.domain.AgreementState;
import org.joinedup.directory.view.DirectoryProjection;
import org.joinedup.events.directory.AgencyEvent;
import org.joinedup.events.directory.AgreementEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs directory commands (agencies, agreements) through the {@link CommandHandler}; the directory's read
 * model applies the new events in the same transaction, so a read after a 2xx answer sees the change.
 */
@ApplicationScoped
public class DirectoryCommands {
    private final CommandHandler handler;
    private final StreamKind<AgencyCommand, AgencyState, AgencyEvent> agencies;
    private final StreamKind<AgreementCommand, AgreementState, AgreementEvent> agreements;

    public DirectoryCommands(CommandHandler handler, DirectoryProjection projection) {
        this.handler = handler;
        this.agencies = StreamKind.of("agency-", AgencyEvent.class, new AgencyDecider())
                .keeping((state, appended) -> appended.forEach(e -> projection.apply(e.payload())));
        this.agreements = StreamKind.of("agreement-", AgreementEvent.class, new AgreementDecider())
                .keeping((state, appended) -> appended.forEach(e -> projection.apply(e.payload())));
    }

    @Transactional
    public Handled<AgencyState> agency(String agencyId, ExpectedVersion expected, EventMetadata metadata,
                                       Function<Instant, AgencyCommand> command) {
        return handler.handle(agencies, agencyId, expected, metadata, command);
    }

    @Transactional
    public Handled<AgreementState> agreement(UUID agreementId, ExpectedVersion expected, EventMetadata metadata,
                                             Function<Instant, AgreementCommand> command) {
        return handler.handle(agreements, agreementId, expected, metadata, command);
    }
}
