package org.joinedup.console.forms;

import org.joinedup.console.api.Problems;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to say beside a field the service refused, in plain English (the GOV.UK way: say what to do, name the
 * field as the form labels it), keyed by the API's rule names; the API's words stay in the API. A rule this
 * catalogue does not know is said as the field's label and the service's message.
 */
public final class Messages {
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private Messages() {
    }

    /** How a form names one of its fields: its label, and whether it is chosen (select, radios) or typed. */
    public record Field(String id, String label, boolean chosen) {
        public static Field typed(String id, String label) {
            return new Field(id, label, false);
        }

        public static Field chosen(String id, String label) {
            return new Field(id, label, true);
        }
    }

    /** A form's fields in the order the page shows them: API field name, then its field, repeated. */
    public static Map<String, Field> form(Object... apiFieldThenField) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < apiFieldThenField.length; i += 2) {
            fields.put((String) apiFieldThenField[i], (Field) apiFieldThenField[i + 1]);
        }
        return fields;
    }

    /**
     * Every field the refusal names that the form shows, each with its message, in the form's order; keyed by
     * the id of the field on the page (for the error summary's links).
     *
     * @param fields the form's fields by the API's field name (an array field by its name without the index)
     */
    public static Map<String, String> of(Problems.Refusal refusal, Map<String, Field> fields) {
        Map<String, String> said = new LinkedHashMap<>();
        fields.forEach((apiField, field) -> refusal.fields().forEach((named, message) -> {
            boolean names = named.equals(apiField) || named.replaceAll("\\[\\d+].*$", "").equals(apiField);
            if (names && !said.containsKey(field.id())) {
                said.put(field.id(), say(field, refusal.rules().getOrDefault(named, ""), message));
            }
        }));
        return said;
    }

    /** The message for one refused field. */
    public static String say(Field field, String rule, String apiMessage) {
        String label = field.label();
        String lower = label.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + label.substring(1);
        String n = firstNumber(apiMessage);
        return switch (rule) {
            case "required" -> (field.chosen() ? "Select " : "Enter ") + lower;
            case "one-of", "known-category", "known-risk-level", "known-indicator", "known-consent-status", "known-agency",
                 "known-agency-kind", "uuid" -> "Select " + lower + " from the list";
            case "max-length", "length", "text" -> n == null ? label + " is too long" : label + " must be " + n + " characters or fewer";
            case "min-length" -> label + " must be at least " + (n == null ? "a few" : n) + " characters";
            case "max-items" -> "Select no more than " + (n == null ? "a few" : n) + " for " + lower;
            case "unique" -> "Select each of " + lower + " once only";
            case "not-in-future" -> label + " must be today or in the past";
            case "date", "date-time", "instant" -> label + " must be a real date";
            case "not-before-from" -> label + " must be the same as or after the start";
            case "nhs-number-format" -> "Enter an NHS number of 10 digits, like 943 476 5919";
            case "nhs-number-check-digit" -> "Check the NHS number: it is not a real one, there may be a typing mistake";
            case "postcode", "postcode-district-or-sector" -> "Enter a real postcode, like N17 0AA";
            case "range", "integer", "whole-number", "number" -> label + " must be a whole number" + (n == null ? "" : " in range");
            case "required-without-consent", "required-unless-given" ->
                    "Say why consent was not given (not sought, or refused, and why)";
            case "date-of-birth-or-age", "requires-date-of-birth" -> "Enter a date of birth, or an approximate age";
            case "something-to-share" -> "Select a concern to share, or write a note";
            default -> label + ": " + org.joinedup.console.pages.Labels.sentence(apiMessage);
        };
    }

    private static String firstNumber(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
