package org.joinedup.referral.protection;

import org.joinedup.directory.view.AgencyView;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.protection.Attendance;
import org.joinedup.events.protection.ProtectionVocabulary.PlanCategory;
import org.joinedup.platform.http.FieldErrors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The bodies of the child protection endpoints, and their checks: every broken rule named at once. */
public final class ChildProtectionRequests {
    static final int MAX_TEXT = 4000;
    static final int MAX_AGENCIES = 50;

    private ChildProtectionRequests() {
    }

    /** One agency at a strategy discussion. */
    public record Present(String agencyId, Boolean attended, String information) {
    }

    /** POST /child-protection: a strategy discussion. */
    public record Strategy(String childId, String triageId, String heldAt, List<Present> attendance, String decision,
                           String reason) {
    }

    /** POST /child-protection/{id}/enquiry-outcome. */
    public record Outcome(String outcome, String summary) {
    }

    /** POST /child-protection/{id}/initial-conference: categories empty for no plan. */
    public record Conference(String heldAt, List<String> agencies, Boolean parentsAttended, Boolean childAttended,
                             List<String> categories, String leadSocialWorker) {
    }

    /** POST /child-protection/{id}/core-group. */
    public record CoreGroup(String heldAt, List<String> agencies) {
    }

    /** POST /child-protection/{id}/review-conference: decision continue-plan (with categories) or end-plan. */
    public record Review(String heldAt, String decision, List<String> categories) {
    }

    /** POST /child-protection/{id}/plan-end: moved-area or turned-eighteen. */
    public record PlanEnd(String reason, String note) {
    }

    /** Each present agency, with its kind from the directory; unknown or inactive agencies are named. */
    static List<Attendance> attendance(FieldErrors errors, List<Present> attendance, DirectoryQueries directory) {
        if (attendance == null || attendance.isEmpty()) {
            errors.add("attendance", "required", "name the agencies at the strategy discussion (at least the police and health)");
            return List.of();
        }
        if (attendance.size() > MAX_AGENCIES) {
            errors.add("attendance", "max-items", "at most " + MAX_AGENCIES + " agencies");
            return List.of();
        }
        List<Attendance> checked = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < attendance.size(); i++) {
            Present p = attendance.get(i);
            String at = "attendance[" + i + "]";
            if (p == null) {
                errors.add(at, "required", "is required: an agency at the discussion");
                continue;
            }
            String agency = errors.text(at + ".agencyId", p.agencyId(), 100);
            if (p.attended() == null) {
                errors.add(at + ".attended", "required", "is required: whether the agency took part");
            }
            String information = errors.optionalText(at + ".information", p.information(), MAX_TEXT);
            if (agency == null) {
                continue;
            }
            if (!seen.add(agency)) {
                errors.add(at + ".agencyId", "unique", "is named twice");
                continue;
            }
            Optional<AgencyView> known = directory.agency(agency).filter(AgencyView::active);
            if (known.isEmpty()) {
                errors.add(at + ".agencyId", "known-agency", "must be an active agency of the directory");
                continue;
            }
            if (p.attended() != null) {
                checked.add(new Attendance(agency, known.get().kind(), p.attended(), information));
            }
        }
        return checked;
    }

    /** A list of agency ids (at most 50, each once); empty when absent. */
    static List<String> agencies(FieldErrors errors, String field, List<String> agencies) {
        if (agencies == null) {
            return List.of();
        }
        if (agencies.size() > MAX_AGENCIES) {
            errors.add(field, "max-items", "at most " + MAX_AGENCIES + " agencies");
            return List.of();
        }
        Set<String> checked = new LinkedHashSet<>();
        for (int i = 0; i < agencies.size(); i++) {
            String a = errors.text(field + "[" + i + "]", agencies.get(i), 100);
            if (a != null && !checked.add(a)) {
                errors.add(field + "[" + i + "]", "unique", "is named twice");
            }
        }
        return List.copyOf(checked);
    }

    /** Plan categories, each once; empty when absent. */
    static List<PlanCategory> categories(FieldErrors errors, List<String> categories) {
        if (categories == null) {
            return List.of();
        }
        Set<PlanCategory> checked = new LinkedHashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            PlanCategory c = errors.oneOf("categories[" + i + "]", categories.get(i), PlanCategory.class);
            if (c != null && !checked.add(c)) {
                errors.add("categories[" + i + "]", "unique", "is named twice");
            }
        }
        return List.copyOf(checked);
    }
}
