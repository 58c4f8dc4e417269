package org.joinedup.concern.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.UUID;

/** Break-glass: open a child's whole picture in an emergency, never silently (docs/access.md). */
@Path("/children/{childId}/emergency-access")
@Tag(name = "Emergency access")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyAccessResource {
    private final EmergencyAccess emergency;
    private final Caller caller;
    private final IdempotencyKeys idempotency;

    public EmergencyAccessResource(EmergencyAccess emergency, Caller caller, IdempotencyKeys idempotency) {
        this.emergency = emergency;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    @jakarta.transaction.Transactional
    @Operation(summary = "Break-glass: open a child's whole picture without a relationship, with a written justification",
            description = "For the calling lead alone, until expiresAt (joinedup.emergency-access.duration, 24 hours by "
                    + "default); every read under it is recorded with the basis emergency-access, and every agency holding "
                    + "records about the child finds a notice in its inbox (GET /inbox). justification: at least 20 "
                    + "characters naming the urgent risk (400 min-length). 404 for a child this service does not know.")
    public Response grant(@PathParam("childId") String childId, EmergencyAccessRequest body,
                          @HeaderParam(Correlation.HEADER) String correlation,
                          @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID child = id(childId, "child");
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON body with a justification is required");
        }
        String justification = body.check();
        String agency = caller.requireAgency();
        return idempotency.once(key, agency + " POST /children/" + child + "/emergency-access", body, () -> {
            EmergencyAccessGranted granted = emergency.grant(child, justification, caller.eventMetadata(correlation));
            return new IdempotencyKeys.Answer(201, null, null, granted);
        });
    }

    /** A notice as the inbox shows it. */
    public record InboxNotice(String kind, UUID grantId, UUID childId, com.fasterxml.jackson.databind.JsonNode grant,
                              java.time.Instant acknowledgedAt) {
        public static final String KIND = "emergency-access";

        public InboxNotice(EmergencyAccess.Notice n) {
            this(KIND, n.grantId(), n.childId(), n.grant(), n.acknowledgedAt());
        }
    }

    /** A path id: a value that is not a UUID names nothing, so it is 404 like an id that does not exist. */
    static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no " + what + " " + value);
        }
    }
}
