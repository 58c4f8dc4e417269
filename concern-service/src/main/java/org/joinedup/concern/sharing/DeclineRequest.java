package org.joinedup.concern.sharing;

import java.util.List;

/** The body of {@code POST /shares/declined}: a recorded decision not to share, and why. */
public record DeclineRequest(String toAgency, String childId, List<String> concernIds, String purpose, String reasons) {
}
