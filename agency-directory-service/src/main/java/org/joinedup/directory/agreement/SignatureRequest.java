package org.joinedup.directory.agreement;

/** The body of {@code POST /agreements/{id}/signatures}: who signed for the caller's agency, in what role. */
public record SignatureRequest(String signatoryName, String signatoryRole) {
}
