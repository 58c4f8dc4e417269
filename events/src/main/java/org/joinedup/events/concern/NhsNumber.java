package org.joinedup.events.concern;

/**
 * The NHS number rule: ten digits, the tenth a modulus-11 check digit. Weights 10..2 over the first
 * nine digits; check = 11 - (sum mod 11), where 11 means 0 and 10 means the number is invalid.
 * Spaces and hyphens as commonly written (e.g. {@code 943 476 5919}) are accepted and removed.
 */
public final class NhsNumber {
    private NhsNumber() {
    }

    /** The ten digits without separators, or null when the input is not ten digits. */
    public static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replace(" ", "").replace("-", "");
        return digits.matches("\\d{10}") ? digits : null;
    }

    public static boolean hasValidCheckDigit(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }
}
