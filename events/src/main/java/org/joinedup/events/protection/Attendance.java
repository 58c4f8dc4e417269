package org.joinedup.events.protection;

/**
 * One agency at a strategy discussion: its kind (police, health, education, ...), whether it took part,
 * and what information it brought (in its own words).
 */
public record Attendance(String agencyId, String kind, boolean attended, String information) {
}
