package org.joinedup.platform.http;

/**
 * One thing wrong with one input field.
 *
 * @param field   the field's JSON path in the request, e.g. {@code child.nhsNumber}
 * @param rule    a stable, machine-readable rule name, e.g. {@code nhs-number-check-digit}
 * @param message what is wrong, for a person
 */
public record FieldViolation(String field, String rule, String message) {
}
