package org.joinedup.concern.child;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finding a child for a person at a screen: by NHS number (exactly), or by names with a date of birth or
 * an approximate age (every record that may be the child, each with its evidence). Never a silent best
 * guess: a list, strongest evidence first, for the person to judge. What the caller may see of the
 * records found is the need-to-know policy's business (the resource applies it).
 */
@ApplicationScoped
public class ChildSearch {
    /** The weakest evidence still shown: lower than the review queue's, because a person is choosing. */
    public static final double SHOWN_FROM = 0.6;
    /** How many records a search answers at most. */
    public static final int MAX_RESULTS = 50;
    private final DataSource dataSource;
    private final ChildIndex index;

    public ChildSearch(DataSource dataSource, ChildIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    /** A record that may be the child: how strongly, and why. */
    public record Found(UUID childId, double score, List<String> reasons) {
    }

    /** What a person searches with. {@code ageYears} stands in for an unknown date of birth. */
    public record Query(String nhsNumber, String familyName, String givenName, LocalDate dateOfBirth, Integer ageYears,
                        LocalDate today) {
    }

    public List<Found> find(Query q) {
        if (q.nhsNumber() != null) {
            return Jdbc.query(dataSource, "select distinct child_id from child_match_key where match_key = ?",
                    rs -> new Found(rs.getObject(1, UUID.class), 1.0, List.of("same NHS number")), "nhs:" + q.nhsNumber());
        }
        ChildIdentity wanted = ChildIdentity.of(null, new ChildIdentification(null, q.familyName(), q.givenName(),
                q.dateOfBirth(), null));
        ChildIdentity probe = q.dateOfBirth() == null && q.ageYears() != null
                ? ChildIdentity.of(null, new ChildIdentification(null, q.familyName(), q.givenName(),
                ChildIdentity.birthForAge(q.ageYears(), q.today()), null, List.of(), true, null))
                : wanted;
        Set<String> keys = ChildMatcher.blocks(probe, q.today()).probed();
        List<UUID> blocked = Jdbc.query(dataSource, """
                select distinct child_id from child_blocking_key where blocking_key = any(?::text[]) limit 5000""",
                rs -> rs.getObject(1, UUID.class), "{" + String.join(",", keys.stream().map(k -> "\"" + k.replace("\"", "") + "\"").toList()) + "}");
        Map<UUID, List<ChildIdentity>> known = new HashMap<>();
        for (UUID child : blocked) {
            known.put(child, index.identifications(child).stream().map(i -> ChildIdentity.of(child, i)).toList());
        }
        Map<UUID, Found> found = new LinkedHashMap<>();
        known.forEach((child, identities) -> {
            for (ChildIdentity identity : identities) {
                if (q.ageYears() != null && !ofAge(identity.dateOfBirth(), q.ageYears(), q.today())) {
                    continue;
                }
                ChildMatcher.Evidence e = ChildMatcher.compare(wanted, identity);
                List<String> reasons = new ArrayList<>(e.reasons());
                if (q.ageYears() != null) {
                    reasons.remove("date of birth not known on both");
                    reasons.add("of about that age");
                }
                // With an age for a date of birth, the names are the evidence: scored as a date neither for nor against.
                Found f = new Found(child, e.score(), List.copyOf(reasons));
                if (f.score() >= SHOWN_FROM && (!found.containsKey(child) || found.get(child).score() < f.score())) {
                    found.put(child, f);
                }
            }
        });
        return found.values().stream().sorted(Comparator.comparingDouble(Found::score).reversed()
                .thenComparing(f -> f.childId().toString())).limit(MAX_RESULTS).toList();
    }

    /** A date of birth that makes the child {@code age} (a year either way) at {@code today}; unknown fits any. */
    static boolean ofAge(LocalDate dateOfBirth, int age, LocalDate today) {
        if (dateOfBirth == null) {
            return true;
        }
        int years = java.time.Period.between(dateOfBirth, today).getYears();
        return Math.abs(years - age) <= 1;
    }
}
