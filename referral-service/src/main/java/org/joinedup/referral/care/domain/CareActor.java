package org.joinedup.referral.care.domain;

/**
 * Who acts on a care episode: the caller's agency, whether it is children's social care (the duty of s17,
 * s20, s31 and s44), whether it is a police force (the power of s46), and the person.
 */
public record CareActor(String agency, boolean socialCare, boolean police, String person) {
}
