package org.joinedup.events.directory;

import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernCategory;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an agreement lets pass: every concern category, plus referrals, plans and case notes. The
 * names are the concern categories' wire names and {@code referral}, {@code plan}, {@code case-note}.
 */
public final class InformationCategory {
    public static final String REFERRAL = "referral";
    public static final String PLAN = "plan";
    public static final String CASE_NOTE = "case-note";

    private static final Set<String> ALL = Stream.concat(
                    Arrays.stream(ConcernCategory.values()).map(WireNamed::wireName),
                    Stream.of(REFERRAL, PLAN, CASE_NOTE))
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private InformationCategory() {
    }

    public static boolean isKnown(String name) {
        return ALL.contains(name);
    }

    public static Set<String> all() {
        return ALL;
    }

    public static String allNames() {
        return String.join(", ", ALL);
    }
}
