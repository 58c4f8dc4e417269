package org.joinedup.referral.protection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.events.protection.ChildProtectionEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.protection.domain.ChildProtectionCommand;
import org.joinedup.referral.protection.domain.ChildProtectionDecider;
import org.joinedup.referral.protection.domain.ChildProtectionState;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Runs child protection episodes' commands through the {@link CommandHandler}, keeping the read model in the same transaction. */
@ApplicationScoped
public class ChildProtectionCommands {
    private final CommandHandler handler;
    private final DirectoryQueries directory;
    private final StreamKind<ChildProtectionCommand, ChildProtectionState, ChildProtectionEvent> episodes;

    public ChildProtectionCommands(CommandHandler handler, ChildProtectionViews views, DirectoryQueries directory,
                                   Timescales timescales) {
        this.handler = handler;
        this.directory = directory;
        ChildProtectionDecider decider = new ChildProtectionDecider(timescales.days(), timescales.conference(), 10, 3, 6);
        this.episodes = StreamKind.of("child-protection-", ChildProtectionEvent.class, decider).keeping((state, appended) -> {
            ChildProtectionState.Episode e = (ChildProtectionState.Episode) state;
            views.put(e, decider.pending(e).stream().findFirst().orElse(null));
        });
    }

    /** Who acts: the caller's agency, whether it is children's social care, and the person. */
    public ChildProtectionCommand.Actor actor(String agency, String person) {
        boolean duty = directory.agency(agency).map(a -> AgencyKind.CHILDRENS_SOCIAL_CARE.wireName().equals(a.kind()))
                .orElse(false);
        return new ChildProtectionCommand.Actor(agency, duty, person);
    }

    @Transactional
    public ChildProtectionState.Episode open(UUID episodeId, EventMetadata meta,
                                             Function<Instant, ChildProtectionCommand.RecordStrategyDiscussion> command) {
        return (ChildProtectionState.Episode) handler.start(episodes, episodeId, meta, command).state();
    }

    @Transactional
    public Handled<ChildProtectionState> change(UUID episodeId, ExpectedVersion expected, EventMetadata meta,
                                                Function<Instant, ChildProtectionCommand> command) {
        return handler.handle(episodes, episodeId, expected, meta, command);
    }

    /** Records the clocks of the episode that ran out by now (the sweep calls this); how many events it recorded. */
    @Transactional
    public int recordOverdue(UUID episodeId) {
        return handler.handle(episodes, episodeId, ExpectedVersion.any(),
                new EventMetadata("referral-service", null, UUID.randomUUID(), null), ChildProtectionCommand.RecordOverdue::new)
                .appended().size();
    }
}
