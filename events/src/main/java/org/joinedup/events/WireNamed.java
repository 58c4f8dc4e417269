package org.joinedup.events;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A vocabulary value with a stable name on the wire (in JSON and in events). */
public interface WireNamed {
    String wireName();

    /** The value with this wire name, if any. */
    static <E extends Enum<E> & WireNamed> Optional<E> fromWireName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.wireName().equals(name)).findFirst();
    }

    /** Every wire name of a vocabulary, comma-separated, for error messages and docs. */
    static <E extends Enum<E> & WireNamed> String allNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).collect(Collectors.joining(", "));
    }
}
