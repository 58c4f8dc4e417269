package org.joinedup.concern.concern;

import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernChanges;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /concerns/{id}/amendments}: a reason and the fields that change; a field
 * left out is unchanged. The same rules apply as when raising.
 */
public record AmendConcernRequest(String reason, String category, List<String> wellbeingIndicators, String riskLevel,
                                  String description, String childsVoice, String occurredAt) {

    /** The checked changes; 400 naming every broken rule otherwise. */
    public ConcernChanges toChanges(FieldErrors errors, Instant now) {
        String checkedCategory = category == null ? null : wire(ConcernFields.category(errors, category));
        List<String> indicators = wellbeingIndicators == null ? null
                : ConcernFields.indicators(errors, wellbeingIndicators).stream().map(WireNamed::wireName).toList();
        String risk = riskLevel == null ? null : wire(ConcernFields.riskLevel(errors, riskLevel));
        if (description != null && description.isBlank()) {
            errors.add("description", "required", "cannot be emptied: what was seen, heard or told");
        }
        ConcernFields.maxLength(errors, "description", description, ConcernFields.MAX_DESCRIPTION);
        ConcernFields.maxLength(errors, "childsVoice", childsVoice, ConcernFields.MAX_CHILDS_VOICE);
        Instant occurred = occurredAt == null ? null : ConcernFields.occurredAt(errors, occurredAt, now);
        if (category == null && wellbeingIndicators == null && riskLevel == null && description == null
                && childsVoice == null && occurredAt == null) {
            errors.add("body", "changes-required", "name at least one field to change: category, wellbeingIndicators, "
                    + "riskLevel, description, childsVoice or occurredAt");
        }
        return new ConcernChanges(checkedCategory, indicators, risk, description == null ? null : description.strip(),
                childsVoice == null ? null : childsVoice.strip(), occurred);
    }

    private static String wire(WireNamed value) {
        return value == null ? null : value.wireName();
    }
}
