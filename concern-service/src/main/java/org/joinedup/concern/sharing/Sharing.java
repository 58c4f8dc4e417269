package org.joinedup.concern.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.concern.concern.ConcernCommands;
import org.joinedup.concern.concern.ConcernView;
import org.joinedup.concern.concern.domain.ConcernState;
import org.joinedup.concern.sharing.domain.ShareCommand;
import org.joinedup.concern.sharing.domain.ShareDecider;
import org.joinedup.concern.sharing.domain.ShareState;
import org.joinedup.events.concern.ShareEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.decide.OneFact;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.platform.store.ExpectedVersion;
import java.util.Optional;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.directory.view.SharingPolicy;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShareDeclined;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.directory.InformationCategory;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.store.EventMetadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Information sharing: an agency passes its own concerns (and/or a note) about a child to another
 * agency, checked against this service's own copy of the directory's agreements, never by calling
 * the directory, whose answer the share's decider ({@link ShareDecider}) rules on: without a covering
 * agreement only a safeguarding lead may share, as an override with a written justification.
 * Decisions not to share are recorded too.
 */
@ApplicationScoped
public class Sharing {
    /** A decision not to share: one fact on its own stream ({@code share-declined-<declineId>}). */
    static final StreamKind<OneFact.Record<InformationShareDeclined>, Optional<InformationShareDeclined>,
            InformationShareDeclined> DECLINES = StreamKind.of("share-declined-", InformationShareDeclined.class,
            new OneFact<>("share-decline-recorded"));
    private final CommandHandler handler;
    private final ConcernCommands concerns;
    private final DirectoryQueries directory;
    private final ShareViews views;
    private final StreamKind<ShareCommand, ShareState, ShareEvent> shares;

    public Sharing(CommandHandler handler, ConcernCommands concerns, DirectoryQueries directory, ShareViews views) {
        this.handler = handler;
        this.concerns = concerns;
        this.directory = directory;
        this.views = views;
        this.shares = StreamKind.of("share-", ShareEvent.class, new ShareDecider()).keeping((state, appended) -> {
            for (var e : appended) {
                if (e.payload() instanceof InformationShareAcknowledged a) {
                    views.acknowledged(a.shareId(), a.acknowledgedAt());
                }
            }
        });
    }

    @Transactional
    public InformationShared share(ShareRequest.Checked req, String fromAgency, boolean lead, EventMetadata meta) {
        String to = recipient(req.toAgency(), fromAgency);
        List<ConcernView> sent = ownConcerns(req.concernIds(), fromAgency);
        UUID child = child(req.childId(), sent);
        Instant now = handler.now();
        ShareCommand.Share command = new ShareCommand.Share(UUID.randomUUID(), child, fromAgency, to,
                sent.stream().map(ConcernView::concernId).toList(), req.note(), req.purpose(), req.lawfulBasis(),
                req.consent(), coverage(req, sent, fromAgency, to, now), req.overrideJustification(),
                new ShareCommand.Sharer(meta.actorId(), lead), now);
        // The recipient's view keeps the concerns exactly as they were sent, so this share's read model
        // is given them with the command.
        var handled = handler.start(shares.keeping((state, appended) ->
                views.shared(((ShareState.Shared) state).shared(), sent)), command.shareId(), meta, now, command);
        return ((ShareState.Shared) handled.state()).shared();
    }

    /** What the agreements in force say of each category being shared (the concerns' categories, a note as a case note). */
    private ShareCommand.Coverage coverage(ShareRequest.Checked req, List<ConcernView> sent, String from, String to,
                                           Instant now) {
        Set<String> categories = new LinkedHashSet<>();
        sent.forEach(c -> categories.add(c.category()));
        if (req.note() != null) {
            categories.add(InformationCategory.CASE_NOTE);
        }
        UUID agreement = null;
        List<Refusal.Violation> gaps = new ArrayList<>();
        for (String category : categories) {
            SharingPolicy.Decision d = directory.mayShare(new SharingPolicy.Question(from, to, category, req.purpose(), now));
            if (d.allowed()) {
                agreement = agreement == null ? d.agreementId() : agreement;
            } else {
                d.reasons().forEach(r -> gaps.add(new Refusal.Violation(
                        category.equals(InformationCategory.CASE_NOTE) ? "note" : "concernIds", "agreement-required",
                        "'" + category + "' for '" + req.purpose() + "': " + r)));
            }
        }
        return new ShareCommand.Coverage(agreement, gaps);
    }

    @Transactional
    public InformationShareDeclined decline(DeclineRequest body, String fromAgency, EventMetadata meta) {
        var errors = new org.joinedup.platform.http.FieldErrors();
        if (body.toAgency() == null || body.toAgency().isBlank()) {
            errors.add("toAgency", "required", "is required: the agency the information is not shared with");
        }
        UUID requestedChild = ShareRequest.childId(errors, body.childId());
        List<UUID> ids = ShareRequest.concernIds(errors, body.concernIds());
        if (ids.isEmpty() && body.childId() == null) {
            errors.add("childId", "required-without-concerns", "name the concerns, or the child, the decision is about");
        }
        String purpose = ShareRequest.vocabulary(errors, "purpose", body.purpose(),
                org.joinedup.events.directory.SharingPurpose.class, "known-purpose");
        if (body.reasons() == null || body.reasons().isBlank()) {
            errors.add("reasons", "required", "record why the information is not shared");
        }
        errors.throwIfAny();
        String to = recipient(body.toAgency().trim(), fromAgency);
        List<ConcernView> concerns = ownConcerns(ids, fromAgency);
        UUID child = child(requestedChild, concerns);
        UUID declineId = UUID.randomUUID();
        var handled = handler.start(DECLINES, declineId, meta, now -> new OneFact.Record<>(new InformationShareDeclined(
                declineId, child, fromAgency, to, concerns.stream().map(ConcernView::concernId).toList(), purpose,
                body.reasons().strip(), meta.actorId(), now)));
        return handled.state().orElseThrow();
    }

    /** The recipient acknowledges; a second acknowledgement records nothing. 404 for anyone else. */
    @Transactional
    public void acknowledge(UUID shareId, String agencyId, EventMetadata meta) {
        handler.handle(shares, shareId, ExpectedVersion.any(), meta,
                now -> new ShareCommand.Acknowledge(shareId, agencyId, meta.actorId(), now));
    }

    private String recipient(String to, String from) {
        directory.requireActiveAgency("toAgency", to);
        if (to.equals(from)) {
            throw ProblemException.invalid("toAgency", "another-agency", "must be another agency than the caller's");
        }
        return to;
    }

    /** The concerns, each raised by the agency and not withdrawn; 422 naming the first that is not. */
    private List<ConcernView> ownConcerns(List<UUID> ids, String agency) {
        List<ConcernView> own = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            ConcernState state = concerns.read(id).state();
            if (!(state instanceof ConcernState.Raised raised) || !raised.raised().agencyId().equals(agency)) {
                throw ProblemException.unprocessable("concernIds[" + i + "]", "own-concern",
                        "no concern " + id + " of agency " + agency);
            }
            if (raised.withdrawn()) {
                throw ProblemException.unprocessable("concernIds[" + i + "]", "not-withdrawn",
                        "concern " + id + " was withdrawn");
            }
            own.add(ConcernView.of(raised));
        }
        return own;
    }

    private static UUID child(UUID requested, List<ConcernView> concerns) {
        UUID child = requested;
        for (int i = 0; i < concerns.size(); i++) {
            UUID c = concerns.get(i).childId();
            if (child == null) {
                child = c;
            } else if (!child.equals(c)) {
                throw ProblemException.unprocessable("concernIds[" + i + "]", "same-child",
                        "every concern of one share must be about the same child");
            }
        }
        return child;
    }
}
