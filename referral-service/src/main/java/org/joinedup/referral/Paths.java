package org.joinedup.referral;

import org.joinedup.platform.http.ProblemException;

import java.util.UUID;

/** Ids in paths and query strings. */
public final class Paths {
    private Paths() {
    }

    /** A path id: 404 when it is not a UUID, as no such thing exists. */
    public static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no " + what + " " + value);
        }
    }
}
