package org.joinedup.directory.agreement;

/** The body of {@code POST /agreements/{id}/revocation}. */
public record RevocationRequest(String reason) {
}
