package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a person must know about a child before reading on, at the top of every page about one child: who
 * she is (names, age, NHS number), her status, what is open (referrals and their clocks, flags), her Team
 * Around the Child, whom to call at each agency involved, and records that may be her too.
 */
public record CaseSummary(String childId, String name, List<String> otherNames, String born, String age,
                          String nhsNumber, List<Status> statuses, List<OpenReferral> referrals, List<OpenFlag> flags,
                          TeamLine team, List<Contact> agencies, List<Duplicate> duplicates) {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A status in force: in words, since when, whom to call about it. */
    public record Status(String words, String since, String whomToCall) {
    }

    /** A referral not yet closed: to whom, where it stands, and its running clock. */
    public record OpenReferral(String referralId, String from, String to, String status, String clock, String dueBy,
                               String tag) {
    }

    /** A bigger-picture flag not yet acknowledged or cleared. */
    public record OpenFlag(String flagId, String rule, String raisedAt) {
    }

    /** The child's Team Around the Child: its lead professional and when its plan is next reviewed. */
    public record TeamLine(String leadProfessional, int members, String nextReviewBy, boolean reviewOverdue) {
    }

    /** An agency involved with the child and whom to call there. */
    public record Contact(String agency, String whomToCall) {
    }

    /**
     * Another child record that may be this child, waiting in the review queue: how it was recorded, how likely
     * and why, and the concerns filed under it (which this chronology does not show until the records are linked).
     */
    public record Duplicate(String candidateId, String childId, String recordedAs, int percent, String why,
                            List<String> concerns) {
    }

    public boolean hasStatus() {
        return !statuses.isEmpty();
    }

    /** An NHS number as people read it aloud: 943 476 5919. */
    static String spaced(String nhs) {
        if (nhs == null || nhs.length() != 10) {
            return nhs;
        }
        return nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
    }

    /** An age as people say it: "8 years old", "14 months old", "3 weeks old"; estimated ones "about". */
    static String age(LocalDate born, LocalDate today, boolean estimated) {
        if (born == null || born.isAfter(today)) {
            return null;
        }
        Period p = Period.between(born, today);
        String about = estimated ? "about " : "";
        if (p.getYears() >= 2) {
            return about + p.getYears() + " years old";
        }
        long months = p.toTotalMonths();
        if (months >= 1) {
            return about + months + (months == 1 ? " month old" : " months old");
        }
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(born, today);
        return about + weeks + (weeks == 1 ? " week old" : " weeks old");
    }

    /** Given and family names of an identification, or null when it has none. */
    static String names(JsonNode i) {
        String n = String.join(" ", Stream.of(i.path("givenName").asText(null), i.path("familyName").asText(null))
                .filter(s -> s != null && !s.isBlank()).toList());
        return n.isBlank() ? null : n;
    }

    /**
     * Who the child is, from the identifications the reader may see: the first name recorded is her name,
     * every other name and alias is listed once; the date of birth a record states exactly wins over an estimate.
     */
    record Identity(String name, List<String> otherNames, String born, String age, String nhsNumber) {
        static Identity of(JsonNode identifications, LocalDate today) {
            Set<String> names = new LinkedHashSet<>();
            LocalDate exact = null;
            LocalDate estimated = null;
            String nhs = null;
            for (JsonNode i : identifications) {
                String n = names(i);
                if (n != null) {
                    names.add(n);
                }
                i.path("aliases").forEach(a -> {
                    String alias = names(a);
                    if (alias != null) {
                        names.add(alias);
                    }
                });
                if (i.path("dateOfBirth").isTextual()) {
                    LocalDate d = LocalDate.parse(i.path("dateOfBirth").asText());
                    if (i.path("dateOfBirthEstimated").asBoolean(false)) {
                        estimated = estimated == null ? d : estimated;
                    } else {
                        exact = exact == null ? d : exact;
                    }
                }
                if (nhs == null && i.path("nhsNumber").isTextual()) {
                    nhs = i.path("nhsNumber").asText();
                }
            }
            List<String> all = new ArrayList<>(names);
            String name = all.isEmpty() ? "A child whose name you may not see" : all.get(0);
            List<String> others = all.size() > 1 ? all.subList(1, all.size()) : List.of();
            LocalDate dob = exact != null ? exact : estimated;
            String born = dob == null ? null : exact != null ? dob.format(DAY)
                    : "about " + dob.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)) + " (estimated)";
            return new Identity(name, others, born, dob == null ? null : CaseSummary.age(dob, today, exact == null), spaced(nhs));
        }
    }
}
