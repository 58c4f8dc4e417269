package org.joinedup.events.concern;

/**
 * Whether the family's consent to share was sought and given. Lack of consent does not block a share
 * that protects a child; the reason is recorded.
 *
 * @param status {@code given}, {@code refused} or {@code not-sought}
 * @param reason why it was refused or not sought (required then)
 */
public record Consent(String status, String reason) {
    public static final String GIVEN = "given";
    public static final String REFUSED = "refused";
    public static final String NOT_SOUGHT = "not-sought";
}
