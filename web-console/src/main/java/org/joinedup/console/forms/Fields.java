package org.joinedup.console.forms;

import java.util.Map;

/** Building a service's JSON body from a form: a field left empty is left out, so the service names it. */
public final class Fields {
    private Fields() {
    }

    /** Puts the value, stripped, unless it is empty. */
    public static void put(Map<String, Object> body, String key, String value) {
        if (!blank(value)) {
            body.put(key, value.strip());
        }
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
