package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.console.api.Problems;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A child by name and date of birth where a page lists work about several children, read once per child
 * per page with the person's own token (so only as far as their agency may see the child).
 */
@RequestScoped
public class ChildNames {
    private final Person person;
    private final ConcernApi concerns;
    private final Map<String, String> known = new HashMap<>();

    public ChildNames(Person person, @RestClient ConcernApi concerns) {
        this.person = person;
        this.concerns = concerns;
    }

    /** "Ama Mensah, 8 years old"; "A child your agency may not name" when the person may not see who. */
    public String of(String childId) {
        if (childId == null || childId.isBlank()) {
            return "A child";
        }
        return known.computeIfAbsent(childId, this::read);
    }

    private String read(String childId) {
        JsonNode identifications;
        try {
            if (person.lead()) {
                identifications = concerns.childRecord(childId).path("identifications");
            } else {
                com.fasterxml.jackson.databind.node.ArrayNode ids =
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                concerns.agencyView(childId).path("concerns").forEach(c -> {
                    if (c.path("child").isObject()) {
                        ids.add(c.path("child"));
                    }
                });
                identifications = ids;
            }
        } catch (WebApplicationException e) {
            if (Problems.status(e) == 403 || Problems.status(e) == 404) {
                return "A child your agency may not name";
            }
            throw e;
        }
        CaseSummary.Identity who = CaseSummary.Identity.of(identifications, LocalDate.now(ChronologyView.LONDON));
        if (who.age() == null) {
            return who.name();
        }
        return who.name() + ", " + who.age();
    }
}
