package org.joinedup.referral.care;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.Headline;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.Sight;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.referral.concerns.ConcernsCopy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who may read a care episode, and how much: in full for the agencies holding it (the local authority, and
 * for police protection the force) and whoever sees the child's whole picture (the child's front door, a lead
 * under break-glass); a headline (that it exists, its kind, status and whom to call) for another agency
 * involved with the child; not found for a child the caller has no relationship with. Every read and refusal
 * is recorded.
 */
@ApplicationScoped
public class CareReads {
    private final ChildReads reads;
    private final ConcernsCopy concerns;
    private final Caller caller;

    public CareReads(ChildReads reads, ConcernsCopy concerns, Caller caller) {
        this.reads = reads;
        this.concerns = concerns;
        this.caller = caller;
    }

    /** That the child has such an episode: its kind and status, since when, and whom to call. */
    public record EpisodeHeadline(String visibility, UUID id, String kind, UUID childId, String localAuthority, String status,
                                  Headline headline) {
    }

    /** A child's episodes of one kind, each as the reader may see it. */
    public record Episodes(List<Object> episodes) {
    }

    public Episodes list(CareViews views, String kind, UUID child) {
        ChildSight sight = reads.require(child, kind, notFound(kind));
        reads.read(kind, sight);
        return new Episodes(views.ofChild(kind, child, 100).stream().map(v -> shown(v, sight)).toList());
    }

    public Object get(CareViews views, String kind, UUID id) {
        CareEpisodeView view = views.get(kind, id).orElseThrow(notFound(kind));
        ChildSight sight = reads.require(view.childId(), kind, notFound(kind));
        reads.read(kind, sight);
        return shown(view, sight);
    }

    /** 422 unless the child is known here and the caller's agency has a standing with it. */
    public void knownChild(UUID child, String kind) {
        if (!concerns.childKnown(child) || reads.sight(child).isEmpty()) {
            if (concerns.childKnown(child)) {
                reads.refuse(child, kind);
            }
            throw ProblemException.unprocessable("childId", "known-child", "child " + child + " is not known to the platform");
        }
    }

    static Supplier<ProblemException> notFound(String kind) {
        return () -> ProblemException.notFound("no " + kind.replace('-', ' ') + " is visible to the caller");
    }

    private Object shown(CareEpisodeView v, ChildSight sight) {
        String agency = caller.agencyId().orElse(null);
        if (sight.wholePicture() || (agency != null && (agency.equals(v.localAuthority()) || agency.equals(v.policeAgency())))) {
            return v;
        }
        String holder = v.localAuthority() != null ? v.localAuthority() : v.policeAgency();
        Instant since = v.startedAt();
        return new EpisodeHeadline(Sight.HEADLINE.wireName(), v.id(), v.kind(), v.childId(), holder, v.status(),
                reads.headline(RecordKind.fromWireName(v.kind()).orElseThrow(), v.id(), null, holder, null, since));
    }
}
