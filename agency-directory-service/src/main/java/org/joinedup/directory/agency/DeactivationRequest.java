package org.joinedup.directory.agency;

/** The body of {@code POST /agencies/{id}/deactivation}: why the agency stops taking part. */
public record DeactivationRequest(String reason) {
}
