package org.joinedup.audit.chronology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.joinedup.events.EventJson;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.RecordRef;
import org.joinedup.needtoknow.Sight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A chronology page as one reader may see it: each entry in full or as a headline, by the need-to-know
 * policy. The record an entry belongs to, its owner and the agencies it passed between come from the
 * entry itself (its agency, and its facts' record id, fromAgency, toAgency and agencies).
 */
final class ChronologyPolicy {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final List<String> CATEGORY_FIELDS = List.of("category", "rule", "urgency", "outcome");

    private ChronologyPolicy() {
    }

    static Chronology apply(Chronology page, ChildSight sight, ChildReads reads) {
        return entries(page, sight, reads).withWellbeing(page.wellbeing().stream()
                .filter(p -> sight.sight(new RecordRef(RecordKind.TEAM, p.teamId(), p.agencyId(), Set.of())) == Sight.FULL)
                .toList());
    }

    private static Chronology entries(Chronology page, ChildSight sight, ChildReads reads) {
        if (sight.wholePicture()) {
            return page.seenAs(page.entries().stream().map(e -> familyWords(e, sight)).toList(), sight.basis().wireName(),
                    sight.standing().emergencyUntil());
        }
        List<ChronologyEntry> shown = new ArrayList<>(page.entries().size());
        List<Pending> headlines = new ArrayList<>();
        for (ChronologyEntry e : page.entries()) {
            Optional<RecordKind> kind = RecordKind.ofEventType(e.type());
            JsonNode data = parse(e.data());
            UUID recordId = kind.map(k -> uuid(data.path(k.idField()))).orElse(null);
            RecordRef record = new RecordRef(kind.orElse(null), recordId, e.agencyId(), parties(data));
            if (sight.sight(record) == Sight.FULL) {
                shown.add(familyWords(e, sight));
            } else {
                headlines.add(new Pending(shown.size(), e, kind.map(RecordKind::wireName).orElse("record"), recordId,
                        category(data)));
                shown.add(null);
            }
        }
        reads.prefetchContacts(headlines.stream().map(p -> p.entry().agencyId()).toList());
        for (Pending p : headlines) {
            shown.set(p.at(), p.entry().headlined(new org.joinedup.needtoknow.Headline(p.kind(), p.recordId(),
                    p.entry().type(), p.entry().agencyId(), p.category(), p.entry().occurredAt(),
                    reads.whomToCall(p.entry().agencyId()))));
        }
        return page.seenAs(shown, sight.basis().wireName(), null);
    }

    /**
     * An early help assessment's version with the family's own words (the child's voice, the parents'
     * views) withheld from every reader but the assessing agency, an inspector and a lead under
     * break-glass: the family shared them with the Team Around the Child, whose agencies read them from
     * referral-service (docs/access.md).
     */
    static ChronologyEntry familyWords(ChronologyEntry e, ChildSight sight) {
        if (!FAMILY_WORDS_TYPE.equals(e.type()) || e.data() == null
                || sight.basis() == org.joinedup.events.access.AccessBasis.INSPECTOR
                || sight.basis() == org.joinedup.events.access.AccessBasis.EMERGENCY_ACCESS
                || (e.agencyId() != null && e.agencyId().equals(sight.standing().agencyId()))) {
            return e;
        }
        JsonNode data = parse(e.data());
        if (!(data instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
            return e;
        }
        for (String field : FAMILY_WORDS) {
            if (o.hasNonNull(field)) {
                o.put(field, WITHHELD);
            }
        }
        return e.withFacts(o.toString());
    }

    static final String FAMILY_WORDS_TYPE = "early-help-assessment-recorded";
    static final List<String> FAMILY_WORDS = List.of("childsVoice", "parentsViews");
    static final String WITHHELD = "withheld: shared within the Team Around the Child only";

    private record Pending(int at, ChronologyEntry entry, String kind, UUID recordId, String category) {
    }

    private static JsonNode parse(String data) {
        try {
            return data == null ? JSON.createObjectNode() : JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static Set<String> parties(JsonNode data) {
        Set<String> parties = new LinkedHashSet<>();
        // The two sides of a share or referral; the local authority holding a plan, care or protection, and the
        // police force that took a child into police protection.
        for (String field : List.of("fromAgency", "toAgency", "localAuthority", "policeAgency")) {
            if (data.path(field).isTextual()) {
                parties.add(data.path(field).asText());
            }
        }
        // A flag's agencies, the agencies a front door's decision answers (triage-decided's raisedBy), and those
        // told of a status lookup.
        for (String field : List.of("agencies", "raisedBy", "told")) {
            data.path(field).forEach(a -> {
                if (a.isTextual()) {
                    parties.add(a.asText());
                }
            });
        }
        return parties;
    }

    private static String category(JsonNode data) {
        for (String field : CATEGORY_FIELDS) {
            if (data.path(field).isTextual()) {
                return data.path(field).asText();
            }
        }
        return null;
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
