package org.joinedup.referral.care;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.care.ChildInNeedEvent;
import org.joinedup.events.care.LookedAfterEvent;
import org.joinedup.events.care.PoliceProtectionEvent;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.referral.care.domain.CareActor;
import org.joinedup.referral.care.domain.ChildInNeedCommand;
import org.joinedup.referral.care.domain.ChildInNeedDecider;
import org.joinedup.referral.care.domain.ChildInNeedState;
import org.joinedup.referral.care.domain.LookedAfterCommand;
import org.joinedup.referral.care.domain.LookedAfterDecider;
import org.joinedup.referral.care.domain.LookedAfterState;
import org.joinedup.referral.care.domain.PoliceProtectionCommand;
import org.joinedup.referral.care.domain.PoliceProtectionDecider;
import org.joinedup.referral.care.domain.PoliceProtectionState;
import org.joinedup.referral.clock.TimescaleSettings;
import org.joinedup.referral.clock.Timescales;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs the commands of child in need plans, looked-after episodes and police protections through the
 * {@link CommandHandler}, keeping the care read model in the same transaction.
 */
@ApplicationScoped
public class CareCommands {
    private final CommandHandler handler;
    private final DirectoryQueries directory;
    final StreamKind<ChildInNeedCommand, ChildInNeedState, ChildInNeedEvent> plans;
    final StreamKind<LookedAfterCommand, LookedAfterState, LookedAfterEvent> lookedAfter;
    final StreamKind<PoliceProtectionCommand, PoliceProtectionState, PoliceProtectionEvent> policeProtection;

    public CareCommands(CommandHandler handler, CareViews views, DirectoryQueries directory, Timescales timescales,
                        TimescaleSettings settings) {
        this.handler = handler;
        this.directory = directory;
        this.plans = StreamKind.of("child-in-need-plan-", ChildInNeedEvent.class,
                        new ChildInNeedDecider(timescales.days(), settings.childInNeedReviewMonths()))
                .keeping((state, appended) -> {
                    ChildInNeedState.Plan p = (ChildInNeedState.Plan) state;
                    views.put(CareEpisodeView.of(p), p.pendingReview());
                });
        this.lookedAfter = StreamKind.of("looked-after-", LookedAfterEvent.class, new LookedAfterDecider())
                .keeping((state, appended) -> {
                    LookedAfterState.Episode e = (LookedAfterState.Episode) state;
                    views.put(CareEpisodeView.of(e), e.pendingExpiry());
                });
        this.policeProtection = StreamKind.of("police-protection-", PoliceProtectionEvent.class, new PoliceProtectionDecider())
                .keeping((state, appended) -> {
                    PoliceProtectionState.Protection p = (PoliceProtectionState.Protection) state;
                    views.put(CareEpisodeView.of(p), p.pendingEnd());
                });
    }

    /** Who acts: the caller's agency, whether it is children's social care or a police force, and the person. */
    public CareActor actor(String agency, String person) {
        String kind = directory.agency(agency).map(a -> a.kind()).orElse("");
        return new CareActor(agency, AgencyKind.CHILDRENS_SOCIAL_CARE.wireName().equals(kind),
                AgencyKind.POLICE.wireName().equals(kind), person);
    }

    @Transactional
    public CareEpisodeView startPlan(UUID id, EventMetadata meta, Function<Instant, ChildInNeedCommand> command) {
        return CareEpisodeView.of((ChildInNeedState.Plan) handler.start(plans, id, meta, command).state());
    }

    @Transactional
    public CareEpisodeView changePlan(UUID id, ExpectedVersion expected, EventMetadata meta,
                                      Function<Instant, ChildInNeedCommand> command) {
        return CareEpisodeView.of((ChildInNeedState.Plan) handler.handle(plans, id, expected, meta, command).state());
    }

    @Transactional
    public CareEpisodeView startLookedAfter(UUID id, EventMetadata meta, Function<Instant, LookedAfterCommand> command) {
        return CareEpisodeView.of((LookedAfterState.Episode) handler.start(lookedAfter, id, meta, command).state());
    }

    @Transactional
    public CareEpisodeView changeLookedAfter(UUID id, ExpectedVersion expected, EventMetadata meta,
                                             Function<Instant, LookedAfterCommand> command) {
        return CareEpisodeView.of((LookedAfterState.Episode) handler.handle(lookedAfter, id, expected, meta, command).state());
    }

    @Transactional
    public CareEpisodeView startPoliceProtection(UUID id, EventMetadata meta, Function<Instant, PoliceProtectionCommand> command) {
        return CareEpisodeView.of((PoliceProtectionState.Protection) handler.start(policeProtection, id, meta, command).state());
    }

    @Transactional
    public CareEpisodeView changePoliceProtection(UUID id, ExpectedVersion expected, EventMetadata meta,
                                                  Function<Instant, PoliceProtectionCommand> command) {
        return CareEpisodeView.of((PoliceProtectionState.Protection) handler.handle(policeProtection, id, expected, meta,
                command).state());
    }

    /**
     * Records what ran out by now on one episode of {@code kind} (the sweep calls this), as the service itself;
     * how many events it recorded.
     */
    @Transactional
    public int recordOverdue(String kind, UUID id) {
        EventMetadata meta = new EventMetadata("referral-service", null, UUID.randomUUID(), null);
        return switch (kind) {
            case CareEpisodeView.CHILD_IN_NEED_PLAN -> handler.handle(plans, id, ExpectedVersion.any(), meta,
                    ChildInNeedCommand.RecordOverdue::new).appended().size();
            case CareEpisodeView.LOOKED_AFTER -> handler.handle(lookedAfter, id, ExpectedVersion.any(), meta,
                    LookedAfterCommand.RecordOverdue::new).appended().size();
            case CareEpisodeView.POLICE_PROTECTION -> handler.handle(policeProtection, id, ExpectedVersion.any(), meta,
                    PoliceProtectionCommand.RecordOverdue::new).appended().size();
            default -> throw new IllegalArgumentException("no care episode kind " + kind);
        };
    }
}
