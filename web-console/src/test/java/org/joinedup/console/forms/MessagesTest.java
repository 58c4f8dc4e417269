package org.joinedup.console.forms;

import org.joinedup.console.api.Problems;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The console's words for the services' rules, and the GOV.UK date input read as a date. */
class MessagesTest {
    static final Map<String, Messages.Field> FORM = Messages.form(
            "child.nhsNumber", Messages.Field.typed("nhsNumber", "NHS number"),
            "category", Messages.Field.chosen("category", "The kind of concern"),
            "description", Messages.Field.typed("description", "What happened"),
            "members[0].agencyId", Messages.Field.chosen("leadAgency", "Their agency"));

    static Problems.Refusal refusal(String... fieldRuleMessage) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < fieldRuleMessage.length; i += 3) {
            fields.put(fieldRuleMessage[i], fieldRuleMessage[i + 2]);
            rules.put(fieldRuleMessage[i], fieldRuleMessage[i + 1]);
        }
        return new Problems.Refusal(400, "Invalid", null, fields, rules);
    }

    @Test
    void every_refused_field_is_said_in_plain_english_in_the_order_of_the_form() {
        Map<String, String> said = Messages.of(refusal(
                "description", "max-length", "must be at most 4000 characters",
                "child.nhsNumber", "nhs-number-check-digit", "fails the modulus-11 check digit",
                "category", "required", "is required"), FORM);
        assertEquals(List.of("nhsNumber", "category", "description"), List.copyOf(said.keySet()));
        assertEquals("Check the NHS number: it is not a real one, there may be a typing mistake", said.get("nhsNumber"));
        assertEquals("Select the kind of concern", said.get("category"));
        assertEquals("What happened must be 4000 characters or fewer", said.get("description"));
    }

    @Test
    void an_indexed_field_is_matched_exactly_and_an_unknown_rule_keeps_the_service_s_words() {
        Map<String, String> said = Messages.of(refusal("members[0].agencyId", "known-agency", "is not an active agency",
                "description", "something-new", "must mention the weather"), FORM);
        assertEquals("Select their agency from the list", said.get("leadAgency"));
        assertEquals("What happened: Must mention the weather", said.get("description"));
    }

    @Test
    void a_field_the_form_does_not_show_is_left_to_the_page_s_summary() {
        assertEquals(Map.of(), Messages.of(refusal("agreementId", "required", "is required"), FORM));
    }

    @Test
    void a_date_in_three_boxes_is_a_date_or_says_what_is_wrong() {
        assertEquals(LocalDate.of(2027, 2, 28), new DateParts("28", "2", "2027").date());
        assertEquals(LocalDate.of(2027, 2, 28), new DateParts(" 28 ", "Feb", "2027").date(), "a month's name is a month");
        assertEquals("Enter the date it is due", DateParts.EMPTY.problem("The date it is due"));
        assertEquals("The date it is due must include a month", new DateParts("28", "", "2027").problem("The date it is due"));
        assertEquals("The date it is due must include a day and a year", new DateParts("", "2", " ").problem("The date it is due"));
        assertEquals("The date it is due must be a real date", new DateParts("31", "2", "2027").problem("The date it is due"));
        assertEquals("The date it is due must be a real date", new DateParts("x", "2", "2027").problem("The date it is due"));
        assertEquals("Year must include 4 numbers", new DateParts("1", "2", "27").problem("The date it is due"));
        assertNull(new DateParts("31", "2", "2027").date());
        assertNull(new DateParts("1", "2", "2027").problem("Any"));
        assertEquals("2027-02-01", new DateParts("1", "2", "2027").iso());
    }

    @Test
    void a_moment_is_a_date_in_three_boxes_and_a_time_in_london() {
        Moment winter = new Moment(new DateParts("7", "12", "2026"), "14:30");
        assertNull(winter.problem("When it was held"));
        assertEquals("2026-12-07T14:30:00Z", winter.instant());
        assertEquals("2026-07-14T13:30:00Z", new Moment(new DateParts("14", "7", "2026"), "1430").instant(),
                "British Summer Time: 14:30 in London is 13:30 UTC");
        assertEquals("2026-07-14T08:05:00Z", new Moment(new DateParts("14", "7", "2026"), "9.05").instant());
        assertEquals("When it was held must include a time, like 14:30",
                new Moment(new DateParts("7", "12", "2026"), " ").problem("When it was held"));
        assertEquals("When it was held must include a real time, like 14:30",
                new Moment(new DateParts("7", "12", "2026"), "25:61").problem("When it was held"));
        assertEquals("When it was held must be a real date",
                new Moment(new DateParts("30", "2", "2026"), "10:00").problem("When it was held"));
        assertEquals("not-a-moment", new Moment(new DateParts("30", "2", "2026"), "10:00").instant(),
                "sent as it is, so the service names every other broken rule in the same answer");
        assertNull(new Moment(DateParts.EMPTY, null).instant());
    }
}
