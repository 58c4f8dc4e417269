package org.joinedup.concern.child;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildName;
import org.joinedup.testing.TestNhsNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A labelled data set for measuring child matching: children, and the records several agencies
 * would hold about each, with the mistakes real records have. Every record carries the true child
 * it belongs to, so a matcher's output can be scored. Reproducible from its seed.
 *
 * <p>What varies between an agency's record and the truth, with the probability of each:
 * no NHS number ({@value #P_NO_NHS}); a misspelt family or given name (typing slips and phonetic
 * spellings, {@value #P_MISSPELT} each); given and family name swapped ({@value #P_SWAPPED}); a
 * nickname ({@value #P_NICKNAME}); day and month of birth swapped ({@value #P_DOB_SWAPPED}); one
 * part of the date of birth wrong ({@value #P_DOB_SLIP}); recorded under another name with the true
 * name given as a known alias ({@value #P_ALIAS}); no postcode ({@value #P_NO_POSTCODE}) or a
 * previous address ({@value #P_MOVED}).
 *
 * <p>What makes it hard to be precise: brothers and sisters share family name and postcode
 * ({@value #P_SIBLING} of children have one), some are twins with the same date of birth, and
 * common names recur across a population drawn from a limited list.
 */
public final class LabelledChildren {
    static final double P_NO_NHS = 0.5;
    static final double P_MISSPELT = 0.15;
    static final double P_SWAPPED = 0.05;
    static final double P_NICKNAME = 0.04;
    static final double P_DOB_SWAPPED = 0.04;
    static final double P_DOB_SLIP = 0.04;
    static final double P_ALIAS = 0.03;
    static final double P_NO_POSTCODE = 0.3;
    static final double P_MOVED = 0.1;
    static final double P_SIBLING = 0.2;
    static final double P_TWIN = 0.1;

    static final List<String> GIVEN = List.of(
            "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Oscar", "Charlie", "Jacob",
            "Thomas", "Henry", "William", "Freddie", "Alfie", "Theo", "Archie", "Joshua", "James", "Isaac", "Lucas",
            "Edward", "Ethan", "Max", "Mohammed", "Logan", "Samuel", "Joseph", "Daniel", "Adam", "Reuben", "Ryan",
            "Elijah", "Jake", "Dylan", "Harrison", "Tommy", "Kai", "Yusuf", "Ibrahim", "Kwame", "Tyrone", "Jayden",
            "Connor", "Callum", "Liam", "Sean", "Kacper", "Jakub", "Ahmed", "Omar", "Ali", "Hamza", "Zain", "Rohan",
            "Arjun", "Ravi", "Chidi", "Emeka", "Tobi", "Kofi", "Olamide", "Mateo", "Luca", "Finley", "Riley",
            "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Willow",
            "Freya", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna", "Sofia",
            "Daisy", "Phoebe", "Ruby", "Alice", "Matilda", "Harper", "Aisha", "Ayesha", "Fatima", "Maryam", "Zara",
            "Amara", "Chloe", "Jessica", "Hannah", "Sarah", "Emma", "Leah", "Megan", "Niamh", "Siobhan", "Zofia",
            "Maja", "Priya", "Anaya", "Kiran", "Adaeze", "Chioma", "Folake", "Abena", "Esme", "Layla", "Nevaeh",
            "Victoria", "Anna", "Katie", "Kayleigh", "Jade", "Amber", "Courtney", "Shannon", "Tia", "Precious");
    static final List<String> FAMILY = List.of(
            "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
            "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
            "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward",
            "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott",
            "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly",
            "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
            "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
            "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell",
            "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell",
            "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Graham", "Pearson", "Ahmed",
            "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart", "Elliott", "Reynolds", "Saunders",
            "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks", "West", "Lawrence", "Cole", "Atkinson", "Bradley",
            "Spencer", "Gill", "Dawson", "Ball", "Burton", "O'Brien", "Watts", "Rose", "Booth", "Perry", "Ryan",
            "Grant", "Wells", "Armstrong", "Francis", "Rees", "Hayes", "Hart", "Hudson", "Newman", "Barrett",
            "Webster", "Hunter", "Gregory", "Carr", "Lowe", "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons",
            "Berry", "Stone", "Reid", "Holland", "Hawkins", "Harding", "Porter", "Robertson", "Newton", "Oliver",
            "Reed", "Kennedy", "Williamson", "Bird", "Gardner", "Shah", "Dean", "Lane", "Cooke", "Bates", "Henderson",
            "Parry", "Burgess", "Bishop", "Walton", "Burns", "Nicholson", "Shepherd", "Ross", "Cross", "Long", "Freeman",
            "Warren", "Nicholls", "Hamilton", "Byrne", "Sutton", "McDonald", "Yates", "Hodgson", "Robson", "Curtis",
            "Hopkins", "O'Connor", "Harper", "Coleman", "Watkins", "Moss", "McCarthy", "Chambers", "O'Neill",
            "Griffin", "Sharp", "Hardy", "Wheeler", "Potter", "Osborne", "Johnston", "Gordon", "Doyle", "Wallace",
            "George", "Jordan", "Hutchinson", "Rowe", "Burke", "May", "Pritchard", "Gilbert", "Willis", "Higgins",
            "Read", "Miles", "Stevenson", "Stephenson", "Hammond", "Arnold", "Buckley", "Walters", "Hewitt", "Barber",
            "Nowak", "Kowalski", "Wisniewski", "Okafor", "Adeyemi", "Mensah", "Owusu", "Nguyen", "Chen", "Kouao",
            "Climbie", "Mohamed", "Abdi", "Yilmaz", "Papadopoulos", "Rossi", "Silva", "Santos", "Ferreira", "Costa",
            "Achterberg", "Kaczmarek", "Mahmood", "Iqbal", "Rahman", "Chowdhury", "Uddin", "Miah", "Islam", "Akhtar");
    static final Map<String, String> NICKNAMES = Map.ofEntries(
            Map.entry("William", "Billy"), Map.entry("Thomas", "Tom"), Map.entry("Victoria", "Vicky"),
            Map.entry("Alexander", "Alex"), Map.entry("Charlotte", "Lottie"), Map.entry("Isabella", "Bella"),
            Map.entry("Elizabeth", "Beth"), Map.entry("Joseph", "Joe"), Map.entry("Samuel", "Sam"),
            Map.entry("Daniel", "Danny"), Map.entry("Edward", "Ted"), Map.entry("Henry", "Harry"),
            Map.entry("Jacob", "Jake"), Map.entry("Joshua", "Josh"), Map.entry("James", "Jim"),
            Map.entry("Muhammad", "Mo"), Map.entry("Mohammed", "Mo"), Map.entry("Katie", "Kate"),
            Map.entry("Jessica", "Jess"), Map.entry("Matilda", "Tilly"), Map.entry("Florence", "Flo"),
            Map.entry("Amelia", "Millie"), Map.entry("Olivia", "Liv"), Map.entry("Frederick", "Freddie"));
    private static final String[][] PHONETIC = {
            {"ph", "f"}, {"f", "ph"}, {"ck", "k"}, {"c", "k"}, {"k", "c"}, {"ie", "y"}, {"y", "ie"}, {"ee", "ea"},
            {"ou", "u"}, {"ai", "ay"}, {"s", "z"}, {"z", "s"}, {"i", "y"}, {"mm", "m"}, {"ll", "l"}, {"tt", "t"},
            {"nn", "n"}, {"rr", "r"}, {"ss", "s"}, {"ch", "sh"}, {"sh", "ch"}, {"v", "w"}, {"ey", "y"}, {"a", "e"}};

    /** A record an agency holds: the identification it would post, and the true child it is about. */
    public record Record(int trueChild, String agency, ChildIdentification identification) {
    }

    private LabelledChildren() {
    }

    /** {@code children} children, each with one to four agency records, shuffled into arrival order. */
    public static List<Record> generate(int children, long seed) {
        Random random = new Random(seed);
        List<Truth> truths = new ArrayList<>();
        while (truths.size() < children) {
            Truth child = newChild(random, truths.size());
            truths.add(child);
            if (truths.size() < children && random.nextDouble() < P_SIBLING) {
                truths.add(sibling(random, child, truths.size()));
            }
        }
        List<Record> records = new ArrayList<>();
        String[] agencies = {"met-police", "whittington-health", "haringey-csc", "haringey-education", "barnardos"};
        for (Truth child : truths) {
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                records.add(new Record(child.id, agencies[random.nextInt(agencies.length)], record(random, child, i == 0)));
            }
        }
        java.util.Collections.shuffle(records, random);
        return records;
    }

    private record Truth(int id, String nhs, String family, String given, LocalDate dob, String postcode,
                         String oldPostcode) {
    }

    private static Truth newChild(Random r, int id) {
        return new Truth(id, TestNhsNumbers.next(r), pick(r, FAMILY), pick(r, GIVEN), dob(r), postcode(r), postcode(r));
    }

    private static Truth sibling(Random r, Truth of, int id) {
        String given;
        do {
            given = pick(r, GIVEN);
        } while (given.equals(of.given));
        LocalDate dob = r.nextDouble() < P_TWIN ? of.dob : dob(r);
        return new Truth(id, TestNhsNumbers.next(r), of.family, given, dob, of.postcode, of.oldPostcode);
    }

    private static ChildIdentification record(Random r, Truth t, boolean first) {
        String family = t.family;
        String given = t.given;
        LocalDate dob = t.dob;
        List<ChildName> aliases = List.of();
        if (!first) {
            if (r.nextDouble() < P_MISSPELT) {
                family = misspell(r, family);
            }
            if (r.nextDouble() < P_MISSPELT) {
                given = misspell(r, given);
            }
            if (r.nextDouble() < P_NICKNAME && NICKNAMES.containsKey(given)) {
                given = NICKNAMES.get(given);
            }
            if (r.nextDouble() < P_SWAPPED) {
                String f = family;
                family = given;
                given = f;
            }
            if (r.nextDouble() < P_DOB_SWAPPED && dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()) {
                dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
            } else if (r.nextDouble() < P_DOB_SLIP) {
                dob = slip(r, dob);
            }
            if (r.nextDouble() < P_ALIAS) {
                aliases = List.of(new ChildName(family, given));
                family = pick(r, FAMILY);
                if (r.nextBoolean()) {
                    given = pick(r, GIVEN);
                }
            }
        }
        String nhs = r.nextDouble() < P_NO_NHS ? null : t.nhs;
        double p = r.nextDouble();
        String postcode = p < P_NO_POSTCODE ? null : p < P_NO_POSTCODE + P_MOVED ? t.oldPostcode : t.postcode;
        if (nhs == null && dob == null) {
            dob = t.dob;
        }
        return new ChildIdentification(nhs, family, given, dob, postcode, aliases);
    }

    static String misspell(Random r, String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (r.nextBoolean()) {
            for (int tries = 0; tries < 5; tries++) {
                String[] rule = PHONETIC[r.nextInt(PHONETIC.length)];
                int at = lower.indexOf(rule[0], 1);
                if (at > 0) {
                    return capital(lower.substring(0, at) + rule[1] + lower.substring(at + rule[0].length()));
                }
            }
        }
        if (lower.length() < 4) {
            return capital(lower + lower.charAt(lower.length() - 1));
        }
        int at = 1 + r.nextInt(lower.length() - 2);
        return capital(switch (r.nextInt(4)) {
            case 0 -> lower.substring(0, at) + lower.substring(at + 1);
            case 1 -> lower.substring(0, at) + lower.charAt(at) + lower.substring(at);
            case 2 -> lower.substring(0, at) + lower.charAt(at + 1) + lower.charAt(at) + lower.substring(at + 2);
            default -> lower.substring(0, at) + (char) ('a' + r.nextInt(26)) + lower.substring(at + 1);
        });
    }

    private static LocalDate slip(Random r, LocalDate dob) {
        for (int tries = 0; tries < 10; tries++) {
            try {
                LocalDate slipped = switch (r.nextInt(3)) {
                    case 0 -> dob.withDayOfMonth(1 + r.nextInt(28));
                    case 1 -> dob.withMonth(1 + r.nextInt(12));
                    default -> dob.withYear(dob.getYear() + (r.nextBoolean() ? 1 : -1));
                };
                if (!slipped.equals(dob)) {
                    return slipped;
                }
            } catch (java.time.DateTimeException e) {
                // 29 February in another year: try another slip
            }
        }
        return dob;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static LocalDate dob(Random r) {
        return LocalDate.of(2008, 1, 1).plusDays(r.nextInt(18 * 365));
    }

    private static String postcode(Random r) {
        String[] areas = {"N", "E", "SE", "SW", "W", "NW", "EN", "HA", "IG", "RM", "CR", "BR"};
        return areas[r.nextInt(areas.length)] + (1 + r.nextInt(20)) + " " + r.nextInt(10)
                + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
    }
}
