package org.joinedup.concern.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.concern.concern.ConcernDecider;
import org.joinedup.concern.concern.ConcernState;
import org.joinedup.concern.concern.ConcernView;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.directory.view.SharingPolicy;
import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShareDeclined;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.directory.InformationCategory;
import org.joinedup.platform.http.FieldViolation;
import org.joinedup.platform.http.Problem;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Information sharing: an agency passes its own concerns (and/or a note) about a child to another
 * agency, checked against this service's own copy of the directory's agreements, never by calling
 * the directory. Without a covering agreement only a safeguarding lead may share, as an override
 * with a written justification. Decisions not to share are recorded too.
 */
@ApplicationScoped
public class Sharing {
    @jakarta.inject.Inject
    org.joinedup.concern.picture.BiggerPicture picture;
    private final EventStore store;
    private final DirectoryQueries directory;
    private final ShareViews views;

    public Sharing(EventStore store, DirectoryQueries directory, ShareViews views) {
        this.store = store;
        this.directory = directory;
        this.views = views;
    }

    static String streamId(UUID shareId) {
        return "share-" + shareId;
    }

    @Transactional
    public InformationShared share(ShareRequest.Checked req, String fromAgency, boolean lead, EventMetadata meta) {
        String to = recipient(req.toAgency(), fromAgency);
        List<ConcernView> concerns = ownConcerns(req.concernIds(), fromAgency);
        UUID child = child(req.childId(), concerns);
        Instant now = store.now();

        Set<String> categories = new LinkedHashSet<>();
        concerns.forEach(c -> categories.add(c.category()));
        if (req.note() != null) {
            categories.add(InformationCategory.CASE_NOTE);
        }
        UUID agreement = null;
        List<FieldViolation> missing = new ArrayList<>();
        for (String category : categories) {
            SharingPolicy.Decision d = directory.mayShare(new SharingPolicy.Question(fromAgency, to, category, req.purpose(), now));
            if (d.allowed()) {
                agreement = agreement == null ? d.agreementId() : agreement;
            } else {
                d.reasons().forEach(r -> missing.add(new FieldViolation(
                        category.equals(InformationCategory.CASE_NOTE) ? "note" : "concernIds", "agreement-required",
                        "'" + category + "' for '" + req.purpose() + "': " + r)));
            }
        }
        boolean override = !missing.isEmpty();
        if (override && req.overrideJustification() == null) {
            throw new ProblemException(Problem.of(403, "no-sharing-agreement", "No agreement covers this share",
                    "no active data-sharing agreement lets " + fromAgency + " share this with " + to + " for "
                            + req.purpose() + "; a safeguarding lead may share urgently with override.justification",
                    missing));
        }
        if (override && !lead) {
            throw ProblemException.forbidden("only a safeguarding lead may share without a covering agreement");
        }
        InformationShared shared = new InformationShared(UUID.randomUUID(), child, fromAgency, to,
                concerns.stream().map(ConcernView::concernId).toList(), req.note(), req.purpose(), req.lawfulBasis(),
                req.consent(), override ? null : agreement, override, override ? req.overrideJustification() : null,
                meta.actorId(), now);
        store.append(streamId(shared.shareId()), 0, List.of(shared), meta, now);
        views.shared(shared, concerns);
        if (shared.note() != null) {
            picture.noteShared(child, shared.shareId(), meta);
        }
        return shared;
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
        Instant now = store.now();
        InformationShareDeclined declined = new InformationShareDeclined(UUID.randomUUID(), child, fromAgency, to,
                concerns.stream().map(ConcernView::concernId).toList(), purpose, body.reasons().strip(), meta.actorId(), now);
        store.append("share-declined-" + declined.declineId(), 0, List.of(declined), meta, now);
        return declined;
    }

    /** The recipient acknowledges; a second acknowledgement records nothing. 404 for anyone else. */
    @Transactional
    public void acknowledge(UUID shareId, String agencyId, EventMetadata meta) {
        List<StoredEvent> appended = store.decide(streamId(shareId), null, meta, (past, now) -> {
            if (past.isEmpty() || !(past.get(0) instanceof InformationShared s) || !s.toAgency().equals(agencyId)) {
                throw ProblemException.notFound("no share " + shareId + " was sent to agency " + agencyId);
            }
            if (past.stream().anyMatch(e -> e instanceof InformationShareAcknowledged)) {
                return List.<EventPayload>of();
            }
            return List.of(new InformationShareAcknowledged(shareId, s.childId(), agencyId, meta.actorId(), now));
        });
        appended.forEach(e -> views.acknowledged(shareId, e.payload().occurredAt()));
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
        List<ConcernView> concerns = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            ConcernState state = ConcernState.fold(store.readStream(ConcernDecider.streamId(id)).stream()
                    .map(StoredEvent::payload).toList());
            if (!(state instanceof ConcernState.Raised raised) || !raised.raised().agencyId().equals(agency)) {
                throw ProblemException.unprocessable("concernIds[" + i + "]", "own-concern",
                        "no concern " + id + " of agency " + agency);
            }
            if (raised.withdrawn()) {
                throw ProblemException.unprocessable("concernIds[" + i + "]", "not-withdrawn",
                        "concern " + id + " was withdrawn");
            }
            concerns.add(ConcernView.of(raised));
        }
        return concerns;
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
