package org.joinedup.directory.agreement;

import org.joinedup.directory.validation.Fields;
import org.joinedup.events.WireNamed;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.InformationCategory;
import org.joinedup.events.directory.LawfulBasis;
import org.joinedup.events.directory.MeetingFrequency;
import org.joinedup.events.directory.PartnershipLevel;
import org.joinedup.events.directory.SharingPurpose;
import org.joinedup.platform.http.FieldErrors;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /agreements}: a proposed data-sharing agreement (information sharing protocol). */
public record AgreementRequest(
        String title,
        List<String> parties,
        List<String> categories,
        List<String> purposes,
        String lawfulBasis,
        String specialCategoryCondition,
        String partnershipLevel,
        String meetingFrequency,
        String validFrom,
        String validTo,
        String reviewDate) {

    public AgreementTerms toTerms() {
        FieldErrors errors = new FieldErrors();
        String checkedTitle = errors.text("title", title, 200);
        List<String> checkedParties = parties(errors);
        List<String> checkedCategories = Fields.nonEmptyList(errors, "categories", categories,
                InformationCategory::isKnown, "known-category", InformationCategory.allNames());
        List<String> checkedPurposes = Fields.nonEmptyList(errors, "purposes", purposes,
                p -> SharingPurpose.fromWireName(p).isPresent(), "known-purpose", WireNamed.allNames(SharingPurpose.class));
        String basis = Fields.vocabulary(errors, "lawfulBasis", lawfulBasis, LawfulBasis.class, "known-lawful-basis");
        String condition = errors.optionalText("specialCategoryCondition", specialCategoryCondition, 500);
        String level = Fields.vocabulary(errors, "partnershipLevel", partnershipLevel, PartnershipLevel.class,
                "known-partnership-level");
        String frequency = Fields.vocabulary(errors, "meetingFrequency", meetingFrequency, MeetingFrequency.class,
                "known-meeting-frequency");
        LocalDate from = errors.date("validFrom", validFrom, true);
        LocalDate to = errors.date("validTo", validTo, true);
        LocalDate review = errors.date("reviewDate", reviewDate, true);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("validTo", "not-before-valid-from", "must be on or after validFrom (" + from + ")");
        }
        if (from != null && to != null && review != null && !to.isBefore(from)
                && (review.isBefore(from) || review.isAfter(to))) {
            errors.add("reviewDate", "within-validity", "must fall between validFrom and validTo");
        }
        errors.throwIfAny();
        return new AgreementTerms(checkedTitle, checkedParties, checkedCategories, checkedPurposes, basis, condition,
                level, frequency, from, to, review);
    }

    private List<String> parties(FieldErrors errors) {
        if (parties == null || parties.isEmpty()) {
            errors.add("parties", "at-least-two-parties", "must name two or more agencies");
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            String id = Fields.agencyId(errors, "parties[" + i + "]", parties.get(i));
            if (id != null) {
                distinct.add(id);
            }
        }
        if (distinct.size() < 2 && parties.stream().allMatch(p -> p != null && p.matches(Fields.AGENCY_ID_PATTERN))) {
            errors.add("parties", "at-least-two-parties", "must name two or more different agencies");
        }
        return List.copyOf(distinct);
    }
}
