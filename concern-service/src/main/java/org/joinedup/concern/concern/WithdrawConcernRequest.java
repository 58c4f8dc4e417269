package org.joinedup.concern.concern;

/** The body of {@code POST /concerns/{id}/withdrawal}. */
public record WithdrawConcernRequest(String reason) {
}
