package org.joinedup.directory.sharing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.directory.validation.Fields;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.directory.view.SharingPolicy;
import org.joinedup.events.directory.InformationCategory;
import org.joinedup.events.directory.SharingPurpose;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Path("/sharing-decisions")
@Tag(name = "Sharing decisions")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SharingDecisionResource {
    private final DirectoryQueries queries;
    private final Clock clock;

    public SharingDecisionResource(DirectoryQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR, Roles.DIRECTORY_ADMIN})
    @Operation(summary = "May agency `from` share `category` with agency `to` for `purpose` at `at` (default now)?",
            description = "Answers with the agreement that allows it, or with every reason it is not allowed.")
    public SharingPolicy.Decision decide(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("category") String category, @QueryParam("purpose") String purpose,
                                         @QueryParam("at") String at) {
        FieldErrors errors = new FieldErrors();
        String fromId = Fields.agencyId(errors, "from", from);
        String toId = Fields.agencyId(errors, "to", to);
        if (Fields.blank(category)) {
            errors.add("category", "required", "is required; one of " + InformationCategory.allNames());
        } else if (!InformationCategory.isKnown(category)) {
            errors.add("category", "known-category", "must be one of " + InformationCategory.allNames());
        }
        Fields.vocabulary(errors, "purpose", purpose, SharingPurpose.class, "known-purpose");
        Instant when = clock.instant();
        if (!Fields.blank(at)) {
            try {
                when = OffsetDateTime.parse(at.trim()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("at", "date-time", "must be an RFC 3339 date-time with offset, e.g. 2026-11-20T21:30:00Z");
            }
        }
        errors.throwIfAny();
        queries.requireActiveAgency("from", fromId);
        queries.requireActiveAgency("to", toId);
        return queries.mayShare(new SharingPolicy.Question(fromId, toId, category, purpose.trim(), when));
    }
}
