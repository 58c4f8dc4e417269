package org.joinedup.referral.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.access.AccessLog;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

/** "Is anyone worried?" as FHIR R4, for systems that speak it (CP-IS's way): a search of Flags by NHS number. */
@Path("/fhir/Flag")
@Tag(name = "Is anyone worried?")
@SecurityRequirement(name = "bearer")
public class FhirResource {
    static final String FHIR_JSON = "application/fhir+json";
    private final StatusLookups lookups;
    private final FhirFlags flags;
    private final Caller caller;

    public FhirResource(StatusLookups lookups, FhirFlags flags, Caller caller) {
        this.lookups = lookups;
        this.flags = flags;
        this.caller = caller;
    }

    @GET
    @Produces(FHIR_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.AGENCY_SYSTEM})
    @Transactional
    @Operation(summary = "The child's status as a FHIR R4 Bundle of Flag resources, by NHS number",
            description = "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}; the purpose in the "
                    + "Access-Purpose header or the purpose parameter (at most 200 characters; required). One active Flag for a status in force "
                    + "(its code from https://joinedup.example/fhir/CodeSystem/child-status, its author whom to call), none "
                    + "otherwise. Recorded and told as GET /child-status.")
    public Response search(@QueryParam("patient.identifier") String identifier, @QueryParam("purpose") String purposeParameter,
                           @HeaderParam(AccessLog.PURPOSE_HEADER) String purposeHeader,
                           @HeaderParam(Correlation.HEADER) String correlation) {
        FieldErrors errors = new FieldErrors();
        String nhs = null;
        if (identifier == null || identifier.isBlank()) {
            errors.add("patient.identifier", "required", "is required: " + FhirFlags.NHS_NUMBER_SYSTEM + "|{nhsNumber}");
        } else if (!identifier.startsWith(FhirFlags.NHS_NUMBER_SYSTEM + "|")) {
            errors.add("patient.identifier", "nhs-number-system", "must be " + FhirFlags.NHS_NUMBER_SYSTEM + "|{nhsNumber}");
        } else {
            nhs = StatusResource.nhsNumber(errors, "patient.identifier", identifier.substring(FhirFlags.NHS_NUMBER_SYSTEM.length() + 1));
        }
        String why = purposeParameter != null ? errors.text("purpose", purposeParameter, AccessLog.MAX_PURPOSE)
                : errors.text(AccessLog.PURPOSE_HEADER, purposeHeader, AccessLog.MAX_PURPOSE);
        errors.throwIfAny();
        StatusLookups.Answer answer = lookups.lookUp(nhs, why, lookups.registered(caller.requireAgency()),
                caller.eventMetadata(correlation));
        return Response.ok(flags.bundle(nhs, answer), FHIR_JSON).build();
    }
}
