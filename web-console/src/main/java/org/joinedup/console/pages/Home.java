package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.console.api.ReferralApi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The home page is the person's work: for a lead, what waits for their agency (the front door's triage
 * queue, referrals received and their clocks, flags to acknowledge, pairs to review, the inbox, actions
 * overdue), each item naming the child and its deadline; for a practitioner, the actions they own and what
 * their agency received; for an inspector, where to start.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class Home {
    /** Items listed per kind of work; the count says how many there are in all. */
    static final int SHOWN = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Person person, Waiting waiting);
    }

    /** One thing waiting: about which child, what, by when, how urgent, and where to act on it. */
    public record Item(String child, String what, String due, String tag, String tagText, String link, String linkText) {
    }

    /** A kind of work: how many items, the first few, and the page with all of them. */
    public record Pile(String id, String title, int count, boolean more, List<Item> items, String link, String linkText) {
        public boolean empty() {
            return count == 0;
        }
    }

    /** Everything waiting for the person, most pressing kind first. */
    public record Waiting(List<Pile> piles) {
        public int total() {
            return piles.stream().mapToInt(Pile::count).sum();
        }
    }

    private final Person person;
    private final ConcernApi concerns;
    private final ReferralApi referrals;
    private final Agencies agencies;
    private final ChildNames children;

    public Home(Person person, @RestClient ConcernApi concerns, @RestClient ReferralApi referrals, Agencies agencies,
                ChildNames children) {
        this.person = person;
        this.concerns = concerns;
        this.referrals = referrals;
        this.agencies = agencies;
        this.children = children;
    }

    @GET
    public TemplateInstance home() {
        if (!person.findsChildren()) {
            return Templates.home(person, null);
        }
        List<Pile> piles = new ArrayList<>();
        triage().ifPresent(piles::add);
        piles.add(referralsReceived());
        if (person.lead()) {
            piles.add(flags());
            piles.add(review());
        } else {
            piles.add(myActions());
        }
        piles.add(inbox());
        if (person.lead()) {
            piles.add(overdueActions());
        }
        return Templates.home(person, new Waiting(piles));
    }

    /** The front door's triage queue: only for the agency that is a front door (the queue is empty otherwise). */
    private java.util.Optional<Pile> triage() {
        JsonNode items = referrals.triage("awaiting-decision", null, 100).path("items");
        if (items.isEmpty() && !frontDoor()) {
            return java.util.Optional.empty();
        }
        List<Item> shown = new ArrayList<>();
        for (JsonNode t : items) {
            if (shown.size() == SHOWN) {
                break;
            }
            String risk = t.path("highestRisk").asText("");
            int contacts = t.path("contacts").size();
            shown.add(new Item(children.of(t.path("childId").asText()),
                    contacts + (contacts == 1 ? " contact" : " contacts") + " at " + Labels.words(risk).toLowerCase() + " risk",
                    "Decide by " + ChronologyView.deadline(t.path("decisionDueBy").asText(null)), clockTag(t.path("clock").asText()),
                    Labels.words(t.path("clock").asText()), "/triage/" + t.path("triageId").asText(), "Decide"));
        }
        return java.util.Optional.of(new Pile("triage", "Contacts waiting for the front door's decision", items.size(),
                items.size() >= 100, shown, "/triage", "The whole triage queue"));
    }

    /** Referrals to the person's agency not yet closed, the soonest clock first. */
    private Pile referralsReceived() {
        String agency = person.agencyId();
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode r : referrals.referrals(null, null, 500).path("referrals")) {
            if (agency != null && agency.equals(r.path("toAgency").asText()) && !"closed".equals(r.path("status").asText())
                    && !"headline".equals(r.path("visibility").asText())) {
                open.add(r);
            }
        }
        open.sort(Comparator.comparing(Home::nextDue));
        List<Item> shown = open.stream().limit(SHOWN).map(r -> {
            JsonNode clock = runningClock(r);
            return new Item(children.of(r.path("childId").asText()),
                    Labels.words(r.path("urgency").asText()) + " referral from " + agencies.name(r.path("fromAgency").asText())
                            + ": " + Labels.words(r.path("status").asText()).toLowerCase(),
                    clock == null ? null : Labels.words(clock.path("clock").asText()) + " by "
                            + ChronologyView.deadline(clock.path("dueBy").asText(null)),
                    clock == null ? null : clockTag(clock.path("status").asText()),
                    clock == null ? null : Labels.words(clock.path("status").asText()),
                    "/referrals/" + r.path("referralId").asText(), "Act on it");
        }).toList();
        return new Pile("referrals", "Referrals to your agency", open.size(), false, shown, "/referrals", "Every referral");
    }

    private Pile flags() {
        JsonNode open = concerns.flags("open", 100);
        List<Item> shown = new ArrayList<>();
        for (JsonNode f : open) {
            if (shown.size() == SHOWN) {
                break;
            }
            shown.add(new Item(children.of(f.path("childId").asText()), Labels.words(f.path("rule").asText()),
                    "raised " + ChronologyView.when(f.path("raisedAt").asText(null)), "govuk-tag--red", "Flag",
                    "/flags", "Acknowledge"));
        }
        return new Pile("flags", "Bigger-picture flags to acknowledge", open.size(), open.size() >= 100, shown, "/flags",
                "Every flag");
    }

    private Pile review() {
        try (jakarta.ws.rs.core.Response page = concerns.candidates("open", null, null, null, 100)) {
            JsonNode pairs = page.readEntity(JsonNode.class);
            List<Item> shown = new ArrayList<>();
            for (JsonNode c : pairs) {
                if (shown.size() == SHOWN) {
                    break;
                }
                shown.add(new Item(children.of(c.path("child").path("childId").asText()),
                        "may also be recorded as " + Pages.identification(c.path("otherChild").path("identifications").path(0))
                                + " (" + Math.round(c.path("score").asDouble() * 100) + "% likely)",
                        null, null, null, "/review?childId=" + c.path("child").path("childId").asText(), "Decide"));
            }
            return new Pile("review", "Records that may be one child", pairs.size(), page.getHeaderString("Link") != null,
                    shown, "/review", "The review queue");
        }
    }

    private Pile inbox() {
        JsonNode items = concerns.inbox();
        List<Item> shown = new ArrayList<>();
        for (JsonNode i : items) {
            if (shown.size() == SHOWN) {
                break;
            }
            String kind = i.path("kind").asText();
            if ("webhook-paused".equals(kind)) {
                shown.add(new Item("Your agency's system", "stopped receiving notifications: its address kept failing",
                        null, "govuk-tag--red", "Paused", "/inbox", "Open the inbox"));
            } else if ("emergency-access".equals(kind)) {
                JsonNode g = i.path("grant");
                shown.add(new Item(children.of(g.path("childId").asText()), "records opened in an emergency by "
                        + agencies.name(g.path("agencyId").asText()), null, "govuk-tag--orange", "Break-glass", "/inbox",
                        "Acknowledge"));
            } else {
                JsonNode s = i.path("share");
                shown.add(new Item(children.of(s.path("childId").asText()), "information shared by "
                        + agencies.name(s.path("fromAgency").asText()), "sent " + ChronologyView.when(s.path("sharedAt").asText(null)),
                        null, null, "/inbox", "Acknowledge"));
            }
        }
        return new Pile("inbox", "Your agency's inbox", items.size(), false, shown, "/inbox", "The inbox");
    }

    private Pile overdueActions() {
        JsonNode actions = referrals.overdue().path("actions");
        List<Item> shown = new ArrayList<>();
        for (JsonNode a : actions) {
            if (shown.size() == SHOWN) {
                break;
            }
            String child = a.path("childId").asText();
            shown.add(new Item(children.of(child), a.path("action").path("description").asText(),
                    "due " + Casework.day(a.path("action").path("dueOn").asText(null)), "govuk-tag--red", "Overdue",
                    "/children/" + child + "/team", "The team"));
        }
        return new Pile("actions", "Team actions overdue", actions.size(), false, shown, null, null);
    }

    private Pile myActions() {
        JsonNode actions = referrals.myActions("open").path("actions");
        List<Item> shown = new ArrayList<>();
        for (JsonNode a : actions) {
            if (shown.size() == SHOWN) {
                break;
            }
            String child = a.path("childId").asText();
            boolean overdue = a.path("action").path("overdue").asBoolean();
            shown.add(new Item(children.of(child), a.path("action").path("description").asText(),
                    "due " + Casework.day(a.path("action").path("dueOn").asText(null)),
                    overdue ? "govuk-tag--red" : null, overdue ? "Overdue" : null, "/children/" + child + "/team", "The team"));
        }
        return new Pile("my-actions", "Actions you own", actions.size(), false, shown, null, null);
    }

    /** Whether the person's agency is a front door for any area. */
    private boolean frontDoor() {
        return person.agencyId() != null && agencies.frontDoor(person.agencyId());
    }

    private static JsonNode runningClock(JsonNode referral) {
        for (JsonNode c : referral.path("clocks")) {
            if (List.of("running", "overdue").contains(c.path("status").asText())) {
                return c;
            }
        }
        return null;
    }

    private static Instant nextDue(JsonNode referral) {
        JsonNode c = runningClock(referral);
        return c == null || !c.path("dueBy").isTextual() ? Instant.MAX : Instant.parse(c.path("dueBy").asText());
    }

    static String clockTag(String status) {
        return switch (status) {
            case "overdue", "met-late" -> "govuk-tag--red";
            case "met" -> "govuk-tag--green";
            case "running" -> "govuk-tag--blue";
            default -> "govuk-tag--grey";
        };
    }
}
