package org.joinedup.concern.child;

import org.joinedup.events.concern.NhsNumber;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.RecordRef;
import org.joinedup.needtoknow.Sight;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** Child identity for safeguarding leads: the review queue of likely matches, and links between records. */
@Path("/children")
@Tag(name = "Child identity")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SAFEGUARDING_LEAD)
public class ChildRecordsResource {
    private final ChildReview review;
    private final ChildIndex index;
    private final ChildLinks links;
    private final Caller caller;
    private final IdempotencyKeys idempotency;

    @jakarta.inject.Inject
    ChildReads reads;

    @jakarta.inject.Inject
    ChildSearch search;

    @jakarta.inject.Inject
    java.time.Clock clock;

    @jakarta.inject.Inject
    org.joinedup.platform.access.AccessLog access;

    public ChildRecordsResource(ChildReview review, ChildIndex index, ChildLinks links, Caller caller,
                                IdempotencyKeys idempotency) {
        this.review = review;
        this.index = index;
        this.links = links;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    /** A child record: every identification it was recorded with, and its links. */
    public record ChildRecordView(UUID childId, List<org.joinedup.events.concern.ChildIdentification> identifications,
                                  List<UUID> readAsOneWith, List<ChildLinks.Link> links) {
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR})
    @Operation(summary = "Find a child: by NHS number, or by names with a date of birth or an approximate age",
            description = "Every record that may be the child, strongest evidence first, each with its score and reasons "
                    + "and the identifications the caller may see: never a silent best guess. Only records the caller's "
                    + "agency has a relationship with (or is the front door of) are answered (docs/access.md); the others "
                    + "are not mentioned. nhsNumber (10 digits, modulus-11), or familyName and givenName with dateOfBirth "
                    + "(YYYY-MM-DD) or ageYears (0 to 25). Each record answered is recorded as read (child-search). An "
                    + "inspector finds a child by NHS number only (400 nhsNumber required-for-inspectors otherwise): every "
                    + "record with that NHS number, on the basis inspector, each recorded as read.")
    public List<Found> search(@QueryParam("nhsNumber") String nhsNumber, @QueryParam("familyName") String familyName,
                              @QueryParam("givenName") String givenName, @QueryParam("dateOfBirth") String dateOfBirth,
                              @QueryParam("ageYears") String ageYears) {
        FieldErrors errors = new FieldErrors();
        String nhs = null;
        if (nhsNumber != null && !nhsNumber.isBlank()) {
            nhs = NhsNumber.normalise(nhsNumber.strip());
            if (nhs == null) {
                errors.add("nhsNumber", "nhs-number-format", "must be 10 digits (spaces allowed), e.g. 943 476 5919");
            } else if (!NhsNumber.hasValidCheckDigit(nhs)) {
                errors.add("nhsNumber", "nhs-number-check-digit", "fails the modulus-11 check digit");
            }
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.time.LocalDate dob = errors.date("dateOfBirth", dateOfBirth, false);
        if (dob != null && dob.isAfter(today)) {
            errors.add("dateOfBirth", "not-in-future", "must not be in the future");
        }
        Integer age = ageYears == null || ageYears.isBlank() ? null : errors.integer("ageYears", ageYears, 0, 25);
        String family = errors.optionalText("familyName", familyName, 100);
        String given = errors.optionalText("givenName", givenName, 100);
        boolean byNhsNumber = nhsNumber != null && !nhsNumber.isBlank();
        boolean inspector = caller.hasRole(Roles.INSPECTOR) && !caller.hasRole(Roles.SAFEGUARDING_LEAD)
                && !caller.hasRole(Roles.PRACTITIONER);
        if (inspector && !byNhsNumber) {
            errors.add("nhsNumber", "required-for-inspectors", "is required: an inspector finds a child by NHS number only");
            errors.throwIfAny();
        }
        if (!byNhsNumber) {
            if (family == null) {
                errors.add("familyName", "required", "is required: an NHS number, or names with a date of birth or an age");
            }
            if (given == null) {
                errors.add("givenName", "required", "is required: an NHS number, or names with a date of birth or an age");
            }
            if (dob == null && age == null && (dateOfBirth == null || dateOfBirth.isBlank())) {
                errors.add("dateOfBirth", "required", "is required, or an approximate age in ageYears");
            }
        }
        errors.throwIfAny();
        ChildSearch.Query query = new ChildSearch.Query(nhs, family, given, dob, dob == null ? age : null, today);
        List<ChildSearch.Found> found = search.find(query);
        if (inspector) {
            return inspected(found, nhs);
        }
        java.util.Map<UUID, ChildSight> sights = reads.sights(found.stream().map(ChildSearch.Found::childId).toList());
        List<Found> shown = new java.util.ArrayList<>();
        for (ChildSearch.Found f : found) {
            ChildSight sight = sights.get(f.childId());
            if (sight == null) {
                continue;
            }
            List<org.joinedup.events.concern.ChildIdentification> ids = index.sourcedIdentifications(f.childId()).stream()
                    .filter(s -> sight.wholePicture() || sight.sight(RecordRef.of(RecordKind.CONCERN, s.firstConcern(),
                            s.agencyId())) == Sight.FULL)
                    .map(ChildIndex.SourcedIdentification::identification).toList();
            shown.add(new Found(f.childId(), f.score(), f.reasons(), sight.basis().wireName(), ids,
                    links.groupOf(f.childId()).stream().filter(g -> !g.equals(f.childId())).toList()));
        }
        reads.read("child-search", shown.stream().map(f -> sights.get(f.childId())).toList());
        return shown;
    }

    /**
     * What an inspector finds by NHS number: the records holding that very number (not near misses), every
     * identification they were recorded with, each answer recorded as read on the basis inspector.
     */
    private List<Found> inspected(List<ChildSearch.Found> found, String nhs) {
        List<Found> shown = new java.util.ArrayList<>();
        for (ChildSearch.Found f : found) {
            List<org.joinedup.events.concern.ChildIdentification> ids = index.sourcedIdentifications(f.childId()).stream()
                    .map(ChildIndex.SourcedIdentification::identification).toList();
            if (ids.stream().noneMatch(i -> nhs.equals(i.nhsNumber()))) {
                continue;
            }
            shown.add(new Found(f.childId(), f.score(), f.reasons(), org.joinedup.events.access.AccessBasis.INSPECTOR.wireName(),
                    ids, links.groupOf(f.childId()).stream().filter(g -> !g.equals(f.childId())).toList()));
        }
        access.read("child-search", shown.stream().map(Found::childId).toList(), org.joinedup.events.access.AccessBasis.INSPECTOR);
        return shown;
    }

    /**
     * A record that may be the child sought: how strongly and why, on what basis the caller sees it, the
     * identifications the caller may see, and the records read as one with it.
     */
    public record Found(UUID childId, double score, List<String> reasons, String basis,
                        List<org.joinedup.events.concern.ChildIdentification> identifications, List<UUID> readAsOneWith) {
    }

    @GET
    @Path("candidates")
    @Operation(summary = "The review queue: pairs of child records that may be one child, strongest evidence first",
            description = "status is open (default), linked or dismissed; reason (nhs-number-conflict, conflicting-keys, "
                    + "same-names-and-birth, likely-match), childId (pairs involving that record), agency (pairs where "
                    + "either record was recorded by that agency) and minScore (0 to 1) narrow it. Only pairs where the "
                    + "caller's agency has a relationship with either record, or is the front door of either child "
                    + "(docs/access.md). Each candidate shows both records with every identification they were recorded "
                    + "with, why it is queued, the score, and the evidence for (reasons) and against (against). Paged "
                    + "by cursor: when there may be more, a Link header with rel=\"next\" gives the next page's address "
                    + "(the cursor in its after parameter).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "a page of the queue",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            implementation = ChildReview.Candidate.class)))
    public Response queue(@QueryParam("status") @DefaultValue(ChildReview.OPEN) String status,
                          @QueryParam("reason") String reason, @QueryParam("childId") String childId,
                          @QueryParam("agency") String agency, @QueryParam("minScore") String minScore,
                          @QueryParam("after") String after,
                          @QueryParam("limit") @DefaultValue("100") String limit, @Context UriInfo uri) {
        FieldErrors errors = new FieldErrors();
        if (!ChildReview.STATUSES.contains(status)) {
            errors.add("status", "one-of", "must be one of " + String.join(", ", ChildReview.STATUSES));
        }
        if (reason != null && !ChildIndex.REASONS.contains(reason)) {
            errors.add("reason", "one-of", "must be one of " + String.join(", ", ChildIndex.REASONS));
        }
        UUID child = errors.uuid("childId", childId, false);
        String agencyId = errors.optionalText("agency", agency, 100);
        java.math.BigDecimal lowest = null;
        if (minScore != null) {
            try {
                lowest = new java.math.BigDecimal(minScore.strip());
                if (lowest.signum() < 0 || lowest.compareTo(java.math.BigDecimal.ONE) > 0) {
                    errors.add("minScore", "range", "must be from 0 to 1");
                }
            } catch (NumberFormatException e) {
                errors.add("minScore", "number", "must be a number from 0 to 1, e.g. 0.9");
            }
        }
        ChildReview.Cursor cursor = null;
        if (after != null) {
            cursor = ChildReview.Cursor.of(after).orElse(null);
            if (cursor == null) {
                errors.add("after", "cursor", "must be the cursor of a next link this service gave");
            }
        }
        int size = errors.integer("limit", limit, 1, 1000);
        errors.throwIfAny();
        ChildReview.Filter filter = new ChildReview.Filter(status, reason, child, agencyId, lowest);
        ChildReview.Cursor from = cursor;
        List<ChildReads.Seen<ChildReview.Candidate>> seen = reads.visible(
                (offset, batch) -> review.queue(filter, from, offset, batch), ChildRecordsResource::children, size);
        reads.readRows("match-candidate", seen);
        List<ChildReview.Candidate> page = seen.stream().map(ChildReads.Seen::row).toList();
        Response.ResponseBuilder response = Response.ok(page);
        if (page.size() == size) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("after",
                    ChildReview.Cursor.after(page.get(page.size() - 1)).token()).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("candidates/{candidateId}")
    @Operation(summary = "One candidate pair, with its decision if taken",
            description = "404 when the caller's agency has a relationship with neither record (as for no such candidate).")
    public ChildReview.Candidate candidate(@PathParam("candidateId") String candidateId) {
        ChildReview.Candidate candidate = visibleCandidate(candidateId);
        reads.read("match-candidate", reads.sights(children(candidate)).values());
        return candidate;
    }

    /** The candidate, when the caller may see either record; 404 otherwise (the refusal recorded), as for none. */
    private ChildReview.Candidate visibleCandidate(String candidateId) {
        ChildReview.Candidate candidate = review.candidate(id(candidateId, "candidate")).orElseThrow(
                () -> ProblemException.notFound("no candidate " + candidateId));
        if (reads.sights(children(candidate)).isEmpty()) {
            reads.refuse(candidate.child().childId(), "match-candidate");
            throw ProblemException.notFound("no candidate " + candidateId);
        }
        return candidate;
    }

    private static List<UUID> children(ChildReview.Candidate c) {
        return List.of(c.child().childId(), c.otherChild().childId());
    }

    @POST
    @Path("candidates/{candidateId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a candidate: the two records are different children (child-match-dismissed)",
            description = "The pair is not proposed again. 409 candidate-decided when it was already linked or dismissed.")
    @Transactional
    public Response dismiss(@PathParam("candidateId") String candidateId, ReasonRequest body,
                            @HeaderParam(Correlation.HEADER) String correlation, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID id = id(candidateId, "candidate");
        String reason = required(body).check();
        visibleCandidate(candidateId);
        return idempotency.once(key, caller.requireAgency() + " POST /children/candidates/" + id + "/dismissal", body,
                () -> new IdempotencyKeys.Answer(200, null, null, review.dismiss(id, reason, caller.eventMetadata(correlation))));
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Link two child records as one child (child-records-linked), with a reason",
            description = "From then on the records are read as one: each agency's view, the bigger-picture rules "
                    + "(evaluated at once over the joined record) and the chronology. candidateId, when given, is the "
                    + "queue entry this decides. 409 already-linked when they are already read as one child.")
    public Response link(LinkRequest body, @HeaderParam(Correlation.HEADER) String correlation,
                         @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        LinkRequest.Checked checked = required(body).check();
        if (reads.sights(List.of(checked.childId(), checked.linkedChildId())).isEmpty()) {
            // A lead links records only where its agency is involved with one of them; to any other caller the
            // records answer as unknown, exactly as records that do not exist.
            reads.refuse(checked.childId(), "child-link");
            throw ProblemException.unprocessable("childId", "unknown-child", "no child record " + checked.childId());
        }
        return idempotency.once(key, caller.requireAgency() + " POST /children/links", body, () -> {
            ChildRecordsLinked linked = review.link(checked.childId(), checked.linkedChildId(), checked.candidateId(),
                    checked.reason(), caller.eventMetadata(correlation));
            return new IdempotencyKeys.Answer(201, uri.getBaseUriBuilder().path("children/links")
                    .path(linked.linkId().toString()).build().toString(), null, linked);
        });
    }

    @GET
    @Path("links/{linkId}")
    @Operation(summary = "One link, and its undoing if it was undone",
            description = "404 when the caller's agency has a relationship with neither record (as for no such link).")
    public ChildLinks.Link getLink(@PathParam("linkId") String linkId) {
        ChildLinks.Link link = visibleLink(linkId);
        reads.read("child-link", reads.sights(List.of(link.childId(), link.linkedChildId())).values());
        return link;
    }

    private ChildLinks.Link visibleLink(String linkId) {
        ChildLinks.Link link = links.link(id(linkId, "link")).orElseThrow(() -> ProblemException.notFound("no link " + linkId));
        if (reads.sights(List.of(link.childId(), link.linkedChildId())).isEmpty()) {
            reads.refuse(link.childId(), "child-link");
            throw ProblemException.notFound("no link " + linkId);
        }
        return link;
    }

    @POST
    @Path("links/{linkId}/unlinking")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Undo a link (child-records-unlinked), with a reason: the records are read separately again",
            description = "409 already-unlinked when it was undone before.")
    @Transactional
    public Response unlink(@PathParam("linkId") String linkId, ReasonRequest body,
                           @HeaderParam(Correlation.HEADER) String correlation, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID id = id(linkId, "link");
        String reason = required(body).check();
        visibleLink(linkId);
        return idempotency.once(key, caller.requireAgency() + " POST /children/links/" + id + "/unlinking", body, () -> {
            review.unlink(id, reason, org.joinedup.platform.store.ExpectedVersion.any(), caller.eventMetadata(correlation));
            return new IdempotencyKeys.Answer(200, null, null, links.link(id).orElseThrow());
        });
    }

    @GET
    @Path("{childId}/record")
    @Operation(summary = "A child record: the identifications it was recorded with (aliases kept) and its links",
            description = "The child's front door and a lead under break-glass see every identification; an agency with a "
                    + "relationship sees those its own agency recorded and those that came with concerns shared or referred "
                    + "to it (docs/access.md). 404 for a child it has no relationship with, as for no such record.")
    public ChildRecordView record(@PathParam("childId") String childId) {
        UUID id = id(childId, "child record");
        java.util.function.Supplier<ProblemException> notFound = () -> ProblemException.notFound("no child record " + childId);
        if (!index.exists(id)) {
            throw notFound.get();
        }
        ChildSight sight = reads.require(id, "child-record", notFound);
        List<UUID> group = links.groupOf(id).stream().filter(g -> !g.equals(id)).toList();
        List<org.joinedup.events.concern.ChildIdentification> seen = index.sourcedIdentifications(id).stream()
                .filter(s -> sight.wholePicture() || sight.sight(RecordRef.of(RecordKind.CONCERN, s.firstConcern(),
                        s.agencyId())) == Sight.FULL)
                .map(ChildIndex.SourcedIdentification::identification).toList();
        reads.read("child-record", sight);
        return new ChildRecordView(id, seen, group, links.linksOf(id));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        return body;
    }

    private static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no " + what + " " + value);
        }
    }
}
