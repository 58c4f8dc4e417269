package org.joinedup.referral.referral;

import org.joinedup.referral.referral.domain.MakeReferral;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.referral.ReferralUrgency;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The JSON bodies of the referral endpoints, and the field rules each must meet. */
public final class ReferralRequests {
    public static final int MAX_TEXT = 4000;
    public static final int MAX_CONCERNS = 50;

    private ReferralRequests() {
    }

    public record ConsentBody(String status, String reason) {
    }

    /** POST /referrals. */
    public record Make(String childId, String toAgency, List<String> concernIds, String reason, String urgency,
                       String familyInformed, ConsentBody consent) {

        /** The checked command; every broken rule is added to {@code errors}, and null returned if any. */
        public MakeReferral check(FieldErrors errors, UUID referralId, String fromAgency, String referredBy) {
            UUID child = errors.uuid("childId", childId, true);
            String to = errors.text("toAgency", toAgency, 100);
            if (to != null && to.equals(fromAgency)) {
                errors.add("toAgency", "another-agency", "must be another agency than the caller's");
            }
            List<UUID> concerns = new ArrayList<>();
            if (concernIds == null || concernIds.isEmpty()) {
                errors.add("concernIds", "required", "name at least one concern the referral rests on");
            } else if (concernIds.size() > MAX_CONCERNS) {
                errors.add("concernIds", "max-items", "at most " + MAX_CONCERNS + " concerns");
            } else {
                for (int i = 0; i < concernIds.size(); i++) {
                    UUID id = errors.uuid("concernIds[" + i + "]", concernIds.get(i), true);
                    if (id != null && !concerns.contains(id)) {
                        concerns.add(id);
                    }
                }
            }
            String why = errors.text("reason", reason, MAX_TEXT);
            ReferralUrgency urgent = errors.oneOf("urgency", urgency, ReferralUrgency.class);
            String told = errors.text("familyInformed", familyInformed, MAX_TEXT);
            Consent checkedConsent = ReferralRequests.consent(errors, consent);
            if (!errors.isEmpty()) {
                return null;
            }
            return new MakeReferral(referralId, child, fromAgency, referredBy, to, List.copyOf(concerns), why, urgent, told,
                    checkedConsent);
        }
    }

    /** POST /referrals/{id}/decision. */
    public record Decide(String outcome, String reason) {
        public ReferralOutcome check(FieldErrors errors) {
            errors.text("reason", reason, MAX_TEXT);
            return errors.oneOf("outcome", outcome, ReferralOutcome.class);
        }
    }

    /** A reason (closure), required. */
    /** POST /referrals/{id}/early-help-consent: given or refused, and what the family said. */
    public record FamilyConsent(String consent, String note) {
    }

    public record Reason(String reason) {
    }

    /** A summary (assessment completion), required. */
    public record Summary(String summary) {
    }

    /** POST .../strategy-discussion and .../conference: when it was held (RFC 3339), and a note. */
    public record Meeting(String heldAt, String note) {
        public record Checked(Instant heldAt, String note) {
        }

        /** The meeting, or 400 naming each bad field. */
        public static Checked check(Meeting body) {
            FieldErrors errors = new FieldErrors();
            Instant at = errors.dateTime("heldAt", body == null ? null : body.heldAt());
            String note = errors.optionalText("note", body == null ? null : body.note(), MAX_TEXT);
            errors.throwIfAny();
            return new Checked(at, note);
        }
    }

    static Consent consent(FieldErrors errors, ConsentBody consent) {
        return org.joinedup.referral.ConsentField.check(errors, consent == null ? null : consent.status(),
                consent == null ? null : consent.reason(), "why the referral proceeds without it");
    }
}
