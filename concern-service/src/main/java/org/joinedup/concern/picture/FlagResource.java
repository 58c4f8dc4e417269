package org.joinedup.concern.picture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/flags")
@Tag(name = "Bigger picture")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {
    private final BiggerPicture picture;

    @jakarta.inject.Inject
    org.joinedup.platform.access.AccessLog access;

    public FlagResource(BiggerPicture picture) {
        this.picture = picture;
    }

    @GET
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    @Operation(summary = "Bigger-picture flags, newest first, optionally for one child (childId)")
    public List<BiggerPicture.Flag> recent(@QueryParam("childId") String childId,
                                           @QueryParam("limit") @DefaultValue("100") int limit) {
        FieldErrors errors = new FieldErrors();
        UUID child = null;
        if (childId != null) {
            try {
                child = UUID.fromString(childId);
            } catch (IllegalArgumentException e) {
                errors.add("childId", "uuid", "must be a child id (a UUID)");
            }
        }
        if (limit < 1 || limit > 1000) {
            errors.add("limit", "range", "must be between 1 and 1000");
        }
        errors.throwIfAny();
        List<BiggerPicture.Flag> flags = picture.recent(child, limit);
        access.read("flags", flags.stream().map(BiggerPicture.Flag::childId).toList());
        return flags;
    }
}
