package org.joinedup.referral.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.events.concern.NhsNumber;
import org.joinedup.platform.access.AccessLog;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

/**
 * "Is anyone worried?" (docs/pathway.md): any practitioner or agency system of a registered agency asks by
 * NHS number and a stated purpose, and learns the child's status and whom to call, never details.
 */
@Path("/child-status")
@Tag(name = "Is anyone worried?")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
    private final StatusLookups lookups;
    private final Caller caller;

    public StatusResource(StatusLookups lookups, Caller caller) {
        this.lookups = lookups;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.AGENCY_SYSTEM})
    @Transactional
    @Operation(summary = "Is anyone worried about this child? The status by NHS number, for a stated purpose",
            description = "nhsNumber: ten digits (spaces allowed), modulus-11 checked; purpose: why you ask (at most 200 "
                    + "characters). The answer: status (the most serious in force: police-protection, "
                    + "child-protection-plan, looked-after, child-in-need, early-help; or none), categories (a plan's, or "
                    + "the legal status looked after under), "
                    + "since when, whom to call, and the last lookups by other unscheduled-care agencies (up to 25). A child "
                    + "with no status is answered as an unknown one. No relationship is needed and none is made; the lookup "
                    + "is recorded and the child's front door (and the local authority holding a plan, care or protection) is told at once.")
    public StatusLookups.Answer lookUp(@QueryParam("nhsNumber") String nhsNumber, @QueryParam("purpose") String purpose,
                                       @HeaderParam(Correlation.HEADER) String correlation) {
        FieldErrors errors = new FieldErrors();
        String nhs = nhsNumber(errors, "nhsNumber", nhsNumber);
        String why = errors.text("purpose", purpose, AccessLog.MAX_PURPOSE);
        errors.throwIfAny();
        return lookups.lookUp(nhs, why, lookups.registered(caller.requireAgency()), caller.eventMetadata(correlation));
    }

    /** The ten digits, checked: {@code required}, {@code nhs-number-format}, {@code nhs-number-check-digit}. */
    static String nhsNumber(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required", "is required: the child's NHS number");
            return null;
        }
        String nhs = NhsNumber.normalise(value.strip());
        if (nhs == null) {
            errors.add(field, "nhs-number-format", "must be 10 digits");
        } else if (!NhsNumber.hasValidCheckDigit(nhs)) {
            errors.add(field, "nhs-number-check-digit", "fails the modulus-11 check digit");
            return null;
        }
        return nhs;
    }
}
