package org.joinedup.needtoknow;

/** How much of one record a reader sees. Nothing at all is decided a step earlier: no standing with the child. */
public enum Sight {
    /** The record as it was recorded (or as it was sent to the reader). */
    FULL("full"),
    /** That it exists: which agency, what kind of record, the category, the date, and whom to call. */
    HEADLINE("headline");

    private final String wireName;

    Sight(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
