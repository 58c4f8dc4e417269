package org.joinedup.referral.status;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.joinedup.needtoknow.WhomToCall;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The status answer as FHIR R4: a {@code Bundle} (searchset) of {@code Flag} resources about the patient
 * identified by NHS number, one for a status in force, none otherwise. Written with HAPI FHIR's R4 model.
 */
@ApplicationScoped
public class FhirFlags {
    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    /** Joined-Up's own code system for a child's status. */
    public static final String STATUS_SYSTEM = "https://joinedup.example/fhir/CodeSystem/child-status";
    private static final Map<String, String> DISPLAY = Map.of("police-protection", "Police protection (section 46)",
            "child-protection-plan", "Child protection plan", "looked-after", "Looked after child",
            "child-in-need", "Child in need plan", "early-help", "Early help");
    private final FhirContext fhir = FhirContext.forR4();

    /** The bundle as {@code application/fhir+json}. */
    public String bundle(String nhsNumber, StatusLookups.Answer answer) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setId(UUID.randomUUID().toString());
        if (!"none".equals(answer.status())) {
            Flag flag = new Flag();
            flag.setId(UUID.randomUUID().toString());
            flag.setStatus(Flag.FlagStatus.ACTIVE);
            flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "safety",
                    "Safety")));
            String display = DISPLAY.getOrDefault(answer.status(), answer.status());
            String text = answer.categories().isEmpty() ? display : display + " (" + String.join(", ", answer.categories()) + ")";
            flag.setCode(new CodeableConcept(new Coding(STATUS_SYSTEM, answer.status(), display)).setText(text));
            flag.setSubject(new Reference().setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(nhsNumber)));
            if (answer.since() != null) {
                flag.setPeriod(new Period().setStart(Date.from(answer.since())));
            }
            WhomToCall call = answer.whomToCall();
            if (call != null) {
                flag.setAuthor(new Reference().setDisplay(call.name() + contact(call)));
            }
            bundle.addEntry().setFullUrl("urn:uuid:" + flag.getIdElement().getIdPart()).setResource(flag)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        bundle.setTotal(bundle.getEntry().size());
        return fhir.newJsonParser().encodeResourceToString(bundle);
    }

    private static String contact(WhomToCall call) {
        StringBuilder s = new StringBuilder();
        if (call.phone() != null) {
            s.append(", ").append(call.phone());
        }
        if (call.mailbox() != null) {
            s.append(", ").append(call.mailbox());
        }
        return s.toString();
    }
}
