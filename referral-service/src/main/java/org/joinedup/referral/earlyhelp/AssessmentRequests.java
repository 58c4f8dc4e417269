package org.joinedup.referral.earlyhelp;

import org.joinedup.referral.earlyhelp.domain.AssessmentContent;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.WellbeingIndicator;
import org.joinedup.events.earlyhelp.AssessmentDomain;
import org.joinedup.events.earlyhelp.DomainFindings;
import org.joinedup.platform.http.FieldErrors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The JSON bodies of the early help assessment endpoints, and the field rules each must meet. */
public final class AssessmentRequests {
    public static final int MAX_TEXT = 4000;
    public static final int MAX_ITEMS = 30;

    private AssessmentRequests() {
    }

    public record ConsentBody(String status, String reason) {
    }

    public record NeedBody(String description, List<String> indicators) {
    }

    public record DomainBody(String domain, List<String> strengths, List<NeedBody> needs) {
    }

    /** POST /early-help-assessments: the child, the family's consent decision, and optionally the first version. */
    public record Start(String childId, ConsentBody consent, String steppedDownFromReferralId, List<DomainBody> domains,
                        String childsVoice, String parentsViews) {
    }

    /** POST /early-help-assessments/{id}/versions: a whole new version. */
    public record Content(List<DomainBody> domains, String childsVoice, String parentsViews) {
    }

    /** POST /early-help-assessments/{id}/completion. */
    public record Complete(String outcome, String reason, String referralId) {
    }

    /** The family's consent decision: given, refused, or not-sought; a reason unless given. */
    static Consent consent(FieldErrors errors, ConsentBody consent) {
        return org.joinedup.referral.ConsentField.check(errors, consent == null ? null : consent.status(),
                consent == null ? null : consent.reason(), "why the assessment goes ahead without it");
    }

    /**
     * A version's content: each domain once, each with at least one strength or need, each need bearing on at
     * least one SHANARRI indicator; the family's words optional. Null (with the errors added) when any rule is broken.
     */
    static AssessmentContent content(FieldErrors errors, List<DomainBody> domains, String childsVoice, String parentsViews) {
        int before = errors.violations().size();
        List<DomainFindings> checked = new ArrayList<>();
        if (domains == null || domains.isEmpty()) {
            errors.add("domains", "required", "record the findings of at least one domain: child-development, "
                    + "parenting-capacity, family-and-environment");
        } else if (domains.size() > AssessmentDomain.values().length) {
            errors.add("domains", "max-items", "at most one entry per domain (" + AssessmentDomain.values().length + ")");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < domains.size(); i++) {
                DomainFindings d = domain(errors, "domains[" + i + "]", domains.get(i), seen);
                if (d != null) {
                    checked.add(d);
                }
            }
        }
        String voice = errors.optionalText("childsVoice", childsVoice, MAX_TEXT);
        String views = errors.optionalText("parentsViews", parentsViews, MAX_TEXT);
        return errors.violations().size() > before ? null : new AssessmentContent(checked, voice, views);
    }

    private static DomainFindings domain(FieldErrors errors, String at, DomainBody body, Set<String> seen) {
        if (body == null) {
            errors.add(at, "required", "is required: a domain with its strengths and needs");
            return null;
        }
        AssessmentDomain domain = errors.oneOf(at + ".domain", body.domain(), AssessmentDomain.class);
        if (domain != null && !seen.add(domain.wireName())) {
            errors.add(at + ".domain", "unique", "is recorded twice in this version");
        }
        List<String> strengths = texts(errors, at + ".strengths", body.strengths());
        List<DomainFindings.Need> needs = new ArrayList<>();
        if (body.needs() != null) {
            if (body.needs().size() > MAX_ITEMS) {
                errors.add(at + ".needs", "max-items", "at most " + MAX_ITEMS + " needs");
            } else {
                for (int j = 0; j < body.needs().size(); j++) {
                    DomainFindings.Need n = need(errors, at + ".needs[" + j + "]", body.needs().get(j));
                    if (n != null) {
                        needs.add(n);
                    }
                }
            }
        }
        boolean none = (body.strengths() == null || body.strengths().isEmpty()) && (body.needs() == null || body.needs().isEmpty());
        if (none) {
            errors.add(at, "strength-or-need", "a domain records at least one strength or one need");
        }
        return domain == null ? null : new DomainFindings(domain.wireName(), strengths, needs);
    }

    private static DomainFindings.Need need(FieldErrors errors, String at, NeedBody body) {
        if (body == null) {
            errors.add(at, "required", "is required: a description and the wellbeing indicators it bears on");
            return null;
        }
        String description = errors.text(at + ".description", body.description(), MAX_TEXT);
        List<String> indicators = new ArrayList<>();
        if (body.indicators() == null || body.indicators().isEmpty()) {
            errors.add(at + ".indicators", "required", "name the SHANARRI indicators the need bears on: safe, healthy, "
                    + "achieving, nurtured, active, respected, responsible, included");
        } else if (body.indicators().size() > WellbeingIndicator.values().length) {
            errors.add(at + ".indicators", "max-items", "at most " + WellbeingIndicator.values().length + " indicators");
        } else {
            for (int k = 0; k < body.indicators().size(); k++) {
                WellbeingIndicator w = errors.oneOf(at + ".indicators[" + k + "]", body.indicators().get(k), WellbeingIndicator.class);
                if (w != null && !indicators.contains(w.wireName())) {
                    indicators.add(w.wireName());
                }
            }
        }
        return description == null ? null : new DomainFindings.Need(description, indicators);
    }

    private static List<String> texts(FieldErrors errors, String at, List<String> values) {
        List<String> checked = new ArrayList<>();
        if (values == null) {
            return checked;
        }
        if (values.size() > MAX_ITEMS) {
            errors.add(at, "max-items", "at most " + MAX_ITEMS + " entries");
            return checked;
        }
        for (int i = 0; i < values.size(); i++) {
            String t = errors.text(at + "[" + i + "]", values.get(i), MAX_TEXT);
            if (t != null) {
                checked.add(t);
            }
        }
        return checked;
    }
}
