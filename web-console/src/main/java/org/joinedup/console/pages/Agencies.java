package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.DirectoryApi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The directory's agencies, read once per page: an agency's name where a page would otherwise show its id,
 * and its contact (mailbox, phone) where a page says whom to call.
 */
@RequestScoped
public class Agencies {
    private final DirectoryApi directory;
    private Map<String, JsonNode> byId;
    /** The names as last read by any page: for a live stream, which may not call the directory from its event loop. */
    private static volatile Map<String, String> lastKnown = Map.of();

    public Agencies(@RestClient DirectoryApi directory) {
        this.directory = directory;
    }

    private Map<String, JsonNode> all() {
        if (byId == null) {
            Map<String, JsonNode> agencies = new LinkedHashMap<>();
            directory.agencies().forEach(a -> agencies.put(a.path("agencyId").asText(), a));
            byId = agencies;
            Map<String, String> names = new LinkedHashMap<>();
            agencies.forEach((id, a) -> names.put(id, a.path("name").asText(id)));
            lastKnown = Map.copyOf(names);
        }
        return byId;
    }

    /** The agencies' names as a page last read them (empty before any page has). */
    public static Map<String, String> lastKnownNames() {
        return lastKnown;
    }

    /** Every agency's name by its id, in the directory's order. */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        all().forEach((id, a) -> names.put(id, a.path("name").asText(id)));
        return names;
    }

    /** The agency's name; an agency the directory does not list (it left) is "another agency", never its id. */
    public String name(String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            return "";
        }
        JsonNode a = all().get(agencyId);
        return a == null ? "An agency no longer in the directory" : a.path("name").asText();
    }

    /** Whether the agency is a children's social care front door for some area. */
    public boolean frontDoor(String agencyId) {
        JsonNode a = all().get(agencyId);
        return a != null && a.path("frontDoorFor").isArray() && !a.path("frontDoorFor").isEmpty();
    }

    /** Whom to call at the agency: its name, duty mailbox and phone as the directory lists them. */
    public String whomToCall(String agencyId) {
        JsonNode a = all().get(agencyId);
        if (a == null) {
            return name(agencyId);
        }
        JsonNode c = a.path("contact");
        return String.join(", ", Stream.of(a.path("name").asText(null), c.path("mailbox").asText(null),
                c.path("phone").asText(null)).filter(s -> s != null && !s.isBlank()).toList());
    }
}
