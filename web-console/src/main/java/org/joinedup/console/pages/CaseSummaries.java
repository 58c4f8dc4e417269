package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.AuditApi;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.console.api.Problems;
import org.joinedup.console.api.ReferralApi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds a child's {@link CaseSummary} from the services, with the signed-in person's token: each part as far
 * as their agency may see it. A part the person may not see (403 or 404 from its service) is left out; any
 * other failure is the service's problem and is shown as such.
 */
@RequestScoped
public class CaseSummaries {
    private final Person person;
    private final ConcernApi concerns;
    private final ReferralApi referrals;
    private final AuditApi audit;
    private final Agencies agencies;

    public CaseSummaries(Person person, @RestClient ConcernApi concerns, @RestClient ReferralApi referrals,
                         @RestClient AuditApi audit, Agencies agencies) {
        this.person = person;
        this.concerns = concerns;
        this.referrals = referrals;
        this.audit = audit;
        this.agencies = agencies;
    }

    /**
     * The summary of one child.
     *
     * @param involved agencies already known to be involved (from the entries the page shows), in order
     */
    public CaseSummary of(String childId, List<String> involved) {
        CaseSummary.Identity who = CaseSummary.Identity.of(identifications(childId), LocalDate.now(ChronologyView.LONDON));
        Set<String> agencyIds = new LinkedHashSet<>(involved);

        List<CaseSummary.Status> statuses = new ArrayList<>();
        JsonNode status = seen(() -> referrals.status(childId));
        if (status != null) {
            status.path("inForce").forEach(s -> {
                String words = Labels.status(s.path("status").asText());
                List<String> categories = new ArrayList<>();
                s.path("categories").forEach(c -> categories.add(Labels.words(c.asText()).toLowerCase(java.util.Locale.ROOT)));
                if (!categories.isEmpty()) {
                    words += " (" + String.join(", ", categories) + ")";
                }
                statuses.add(new CaseSummary.Status(words, since(s.path("since").asText(null)),
                        Casework.whomToCall(s.path("whomToCall"))));
                agencyIds.add(s.path("agencyId").asText());
            });
        }

        List<CaseSummary.OpenReferral> open = new ArrayList<>();
        JsonNode made = seen(() -> referrals.referrals(childId, null, 100));
        if (made != null) {
            for (JsonNode r : made.path("referrals")) {
                agencyIds.add(r.path("fromAgency").asText());
                agencyIds.add(r.path("toAgency").asText());
                if ("closed".equals(r.path("status").asText())) {
                    continue;
                }
                JsonNode clock = null;
                for (JsonNode c : r.path("clocks")) {
                    if (List.of("running", "overdue").contains(c.path("status").asText())) {
                        clock = c;
                        break;
                    }
                }
                open.add(new CaseSummary.OpenReferral(r.path("referralId").asText(),
                        agencies.name(r.path("fromAgency").asText()), agencies.name(r.path("toAgency").asText()),
                        Labels.words(r.path("status").asText()),
                        clock == null ? null : Labels.words(clock.path("clock").asText()),
                        clock == null ? null : ChronologyView.deadline(clock.path("dueBy").asText(null)),
                        clock == null ? null : "overdue".equals(clock.path("status").asText()) ? "govuk-tag--red" : "govuk-tag--blue"));
            }
        }

        List<CaseSummary.OpenFlag> flags = new ArrayList<>();
        if (person.lead()) {
            JsonNode raised = seen(() -> concerns.flagsOf(childId, "open", 20));
            if (raised != null) {
                raised.forEach(f -> flags.add(new CaseSummary.OpenFlag(f.path("flagId").asText(),
                        Labels.words(f.path("rule").asText()), ChronologyView.when(f.path("raisedAt").asText(null)))));
            }
        }

        CaseSummary.TeamLine team = null;
        JsonNode teams = seen(() -> referrals.teams(childId, 5));
        if (teams != null) {
            for (JsonNode t : teams.path("teams")) {
                if ("closed".equals(t.path("status").asText())) {
                    continue;
                }
                t.path("members").forEach(m -> {
                    if (m.path("agencyId").isTextual()) {
                        agencyIds.add(m.path("agencyId").asText());
                    }
                });
                t.path("agencies").forEach(a -> agencyIds.add(a.asText()));
                String lead = null;
                int members = 0;
                for (JsonNode m : t.path("members")) {
                    if (!m.path("active").asBoolean(true)) {
                        continue;
                    }
                    members++;
                    if (m.path("memberId").asText().equals(t.path("leadProfessional").asText())) {
                        lead = Casework.memberName(m, agencies);
                    }
                }
                team = new CaseSummary.TeamLine(lead, members, Casework.day(t.path("nextReviewBy").asText(null)),
                        t.path("reviewOverdue").asBoolean());
                break;
            }
        }

        List<CaseSummary.Duplicate> duplicates = person.lead() ? duplicates(childId) : List.of();
        agencyIds.removeIf(a -> a == null || a.isBlank());
        List<CaseSummary.Contact> contacts = agencyIds.stream()
                .map(a -> new CaseSummary.Contact(agencies.name(a), agencies.whomToCall(a))).toList();
        return new CaseSummary(childId, who.name(), who.otherNames(), who.born(), who.age(), who.nhsNumber(), statuses,
                open, flags, team, contacts, duplicates);
    }

    /** The identifications the person may see: a lead's child record; a practitioner's agency view. */
    private JsonNode identifications(String childId) {
        if (person.lead()) {
            JsonNode record = seen(() -> concerns.childRecord(childId));
            return record == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : record.path("identifications");
        }
        JsonNode view = seen(() -> concerns.agencyView(childId));
        com.fasterxml.jackson.databind.node.ArrayNode ids = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (view != null) {
            view.path("concerns").forEach(c -> {
                if (c.path("child").isObject()) {
                    ids.add(c.path("child"));
                }
            });
        }
        return ids;
    }

    /** Open pairs of the review queue with this child, each with the other record's concerns. */
    private List<CaseSummary.Duplicate> duplicates(String childId) {
        JsonNode pairs = seen(() -> concerns.candidatesOf(childId, "open", 10));
        List<CaseSummary.Duplicate> found = new ArrayList<>();
        if (pairs == null) {
            return found;
        }
        for (JsonNode p : pairs) {
            JsonNode other = childId.equals(p.path("child").path("childId").asText()) ? p.path("otherChild") : p.path("child");
            String otherId = other.path("childId").asText();
            List<String> recorded = new ArrayList<>();
            other.path("identifications").forEach(i -> recorded.add(Pages.identification(i)));
            List<String> reasons = new ArrayList<>();
            p.path("reasons").forEach(r -> reasons.add(r.asText()));
            List<String> held = new ArrayList<>();
            JsonNode entries = seen(() -> audit.entries(otherId, "significant", "concern", "newest", 0, 10));
            if (entries != null) {
                for (JsonNode e : entries.path("entries")) {
                    if (!"concern-raised".equals(e.path("type").asText())) {
                        continue;
                    }
                    boolean headline = "headline".equals(e.path("visibility").asText());
                    String category = Labels.words(headline ? e.path("headline").path("category").asText()
                            : e.path("data").path("category").asText());
                    String text = headline ? "held by " + agencies.name(e.path("agencyId").asText())
                            : agencies.name(e.path("agencyId").asText()) + ": \u201c" + e.path("data").path("description").asText() + "\u201d";
                    held.add(category + ", " + ChronologyView.when(e.path("occurredAt").asText(null)) + ", " + text);
                }
            }
            found.add(new CaseSummary.Duplicate(p.path("candidateId").asText(), otherId,
                    recorded.stream().distinct().reduce((a, b) -> a + "; " + b).orElse("Another record"),
                    (int) Math.round(p.path("score").asDouble() * 100), Labels.words(String.join("; ", reasons)), held));
        }
        return found;
    }

    private static String since(String instant) {
        if (instant == null || instant.isBlank() || "null".equals(instant)) {
            return null;
        }
        return java.time.Instant.parse(instant).atZone(ChronologyView.LONDON).toLocalDate().format(CaseSummary.DAY);
    }

    /** The answer, or null when the person's agency may not see it (403, 404). */
    private static JsonNode seen(Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = Problems.status(e);
            if (status == 403 || status == 404) {
                return null;
            }
            throw e;
        }
    }
}
