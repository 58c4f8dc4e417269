package org.joinedup.concern.child;

import org.joinedup.concern.concern.RaiseConcernRequest;
import org.joinedup.testing.TestNhsNumbers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A labelled data set for measuring child matching: children, and the records several agencies
 * would hold about each, with the mistakes and the variety real records have. Every record carries
 * the true child it belongs to and the variations that separate it from the truth, so a matcher's
 * output can be scored, and scored by variation. Records are what an agency system would post
 * ({@link RaiseConcernRequest.Child}), so the API's own checks run on them. Reproducible from its seed.
 *
 * <p>The population: children drawn from lists of common UK given and family names, with a share of
 * multi-part names (Garcia Lopez, Abdul Rahman, Mary Jane), gendered family names (Kowalska,
 * Ivanova), and names written several ways (Mohammed and Muhammad, Chowdhury and Choudhury). A fifth
 * have a brother or sister (same family name and postcode; a tenth of those twins), a few a cousin
 * (same family name elsewhere), and a few a namesake: another child with the same names and date of
 * birth in another town.
 *
 * <p>Each record after the first may carry, independently, the variations tagged in {@link #TAGS}.
 */
public final class LabelledChildren {
    /** Every variation a record can carry, as reported by the evaluation. */
    public static final List<String> TAGS = List.of("no-nhs-number", "typing-slip", "phonetic-spelling", "scanning-slip",
            "names-swapped", "nickname", "known-as-name", "step-family-name", "multi-part-name-reordered",
            "multi-part-name-shortened", "gendered-form", "transliteration", "newborn-baby", "alias-on-record",
            "other-identity-not-listed", "dob-day-month-swapped", "dob-one-part-wrong", "dob-unknown", "dob-estimated",
            "age-in-years", "single-name", "description-only", "no-postcode", "previous-address", "siblings-nhs-number");

    static final double P_NO_NHS = 0.5;
    static final double P_TYPING = 0.08;
    static final double P_PHONETIC = 0.06;
    static final double P_SCANNING = 0.02;
    static final double P_SWAPPED = 0.04;
    static final double P_NICKNAME = 0.05;
    static final double P_KNOWN_AS = 0.03;
    static final double P_STEP_FAMILY = 0.03;
    static final double P_MULTI_PART = 0.3;
    static final double P_GENDERED = 0.3;
    static final double P_TRANSLITERATION = 0.3;
    static final double P_BABY = 0.02;
    static final double P_SECOND_IDENTITY = 0.04;
    static final double P_DOB_SWAPPED = 0.03;
    static final double P_DOB_SLIP = 0.03;
    static final double P_DOB_UNKNOWN = 0.04;
    static final double P_DOB_ESTIMATED = 0.03;
    static final double P_AGE = 0.03;
    static final double P_SINGLE_NAME = 0.02;
    static final double P_DESCRIPTION_ONLY = 0.005;
    static final double P_NO_POSTCODE = 0.3;
    static final double P_MOVED = 0.1;
    static final double P_SIBLING_NHS = 0.02;
    static final double P_SIBLING = 0.2;
    static final double P_TWIN = 0.1;
    static final double P_COUSIN = 0.05;
    static final double P_NAMESAKE = 0.02;
    /** The day records are posted on: ages are counted from it. */
    static final LocalDate TODAY = MatchingEvaluation.TODAY;

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

    /** Multi-part family names: the whole, and how agencies shorten or reorder it. */
    static final List<List<String>> MULTI_PART_FAMILY = List.of(
            List.of("Garcia Lopez", "Garcia", "Lopez Garcia", "Garcia-Lopez"),
            List.of("Da Silva Santos", "Da Silva", "Santos", "Silva Santos"),
            List.of("Abdul Rahman", "Rahman", "Abdulrahman", "Abdul-Rahman"),
            List.of("Smith-Jones", "Smith", "Jones", "Smith Jones"),
            List.of("Van der Berg", "Vanderberg", "Berg", "Van Der Berg"),
            List.of("Ould Mohamed", "Mohamed", "Ould-Mohamed"),
            List.of("Nguyen Thi", "Nguyen", "Thi Nguyen"),
            List.of("Ben Ali", "Ali", "Benali"),
            List.of("Martinez Ruiz", "Martinez", "Ruiz Martinez"),
            List.of("Okafor-Mensah", "Okafor", "Mensah", "Okafor Mensah"));
    static final List<List<String>> MULTI_PART_GIVEN = List.of(
            List.of("Mary Jane", "Mary", "Maryjane"), List.of("Abdul Karim", "Karim", "Abdulkarim"),
            List.of("Anna Maria", "Anna", "Annamaria"), List.of("Jean Paul", "Jean-Paul", "Jean"),
            List.of("Nur Aisha", "Aisha", "Nuraisha"), List.of("Lily Rose", "Lily", "Lily-Rose"));
    /** Gendered family names: the girl's form and the form another agency writes (the father's). */
    static final List<List<String>> GENDERED = List.of(
            List.of("Kowalska", "Kowalski"), List.of("Nowakowska", "Nowakowski"), List.of("Wisniewska", "Wisniewski"),
            List.of("Ivanova", "Ivanov"), List.of("Petrova", "Petrov"), List.of("Smirnova", "Smirnov"),
            List.of("Novakova", "Novak"), List.of("Kazlauskaite", "Kazlauskas"), List.of("Papadopoulou", "Papadopoulos"),
            List.of("Jonsdottir", "Jonsson"));
    /** Names written several ways (transliterations from Arabic, Cyrillic, Bengali, Urdu, Punjabi, Somali, Greek). */
    static final List<List<String>> TRANSLITERATED = List.of(
            List.of("Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed"),
            List.of("Yusuf", "Yousef", "Youssef", "Yousuf"), List.of("Ayesha", "Aisha", "Aysha"),
            List.of("Chowdhury", "Choudhury", "Chaudhry", "Choudhry"), List.of("Hussain", "Hussein", "Husain", "Hossain"),
            List.of("Aleksandr", "Alexander", "Aleksander"), List.of("Yekaterina", "Ekaterina", "Katerina"),
            List.of("Mahmood", "Mahmoud", "Mehmood", "Mahmud"), List.of("Abdi", "Abdy", "Cabdi"),
            List.of("Siddiqui", "Siddiqi", "Sidiqui"), List.of("Gurpreet", "Gurprit"), List.of("Fatima", "Fatimah", "Fatma"),
            List.of("Oleksandr", "Olexander", "Aleksandr"), List.of("Dmitri", "Dmitry", "Dmitriy"),
            List.of("Rahman", "Rehman", "Rahmaan"), List.of("Ibrahim", "Ebrahim", "Ibraheem"));
    /** Known-as names: what a child is called that is not a form of the registered given name. */
    static final List<String> KNOWN_AS = List.of("Tia", "Bobby", "Jay", "Kiki", "Sunny", "Bubba", "Dee", "Lulu", "Max",
            "Pip", "Sonny", "Babs", "Jo", "Kit");
    private static final String[][] SCANNING = {{"rn", "m"}, {"m", "rn"}, {"cl", "d"}, {"d", "cl"}, {"li", "h"},
            {"h", "li"}, {"vv", "w"}, {"w", "vv"}, {"i", "l"}, {"l", "i"}, {"e", "c"}, {"c", "e"}, {"o", "a"}};
    private static final String[] DESCRIPTIONS = {"a boy of about %d at the address", "a girl of about %d at the address",
            "a child of about %d seen with the adults at the address"};

    /**
     * A record an agency holds: what it would post about the child, the true child it is about, and
     * the variations that separate it from the truth.
     */
    public record Record(int trueChild, String agency, RaiseConcernRequest.Child child, Set<String> variations) {
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
                Truth sibling = sibling(random, child, truths.size());
                truths.add(sibling);
                child.sibling = sibling;
                sibling.sibling = child;
            }
            if (truths.size() < children && random.nextDouble() < P_COUSIN) {
                truths.add(cousin(random, child, truths.size()));
            }
            if (truths.size() < children && random.nextDouble() < P_NAMESAKE) {
                truths.add(namesake(random, child, truths.size()));
            }
        }
        List<Record> records = new ArrayList<>();
        String[] agencies = {"met-police", "whittington-health", "haringey-csc", "haringey-education", "barnardos"};
        for (Truth child : truths) {
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                records.add(record(random, child, i == 0, agencies[random.nextInt(agencies.length)]));
            }
        }
        Collections.shuffle(records, random);
        return records;
    }

    private static final class Truth {
        final int id;
        final String nhs;
        final String family;
        final String given;
        final LocalDate dob;
        final String postcode;
        final String oldPostcode;
        /** Other ways the family or given name is written: parts, gendered forms, transliterations. */
        final List<String> familyForms;
        final List<String> givenForms;
        final String familyKind;
        final String givenKind;
        /** A second identity the child is known by at another agency, or null. */
        final String[] other;
        Truth sibling;

        Truth(int id, String nhs, List<String> family, String familyKind, List<String> given, String givenKind,
              LocalDate dob, String postcode, String oldPostcode, String[] other) {
            this.id = id;
            this.nhs = nhs;
            this.family = family.get(0);
            this.familyForms = family;
            this.familyKind = familyKind;
            this.given = given.get(0);
            this.givenForms = given;
            this.givenKind = givenKind;
            this.dob = dob;
            this.postcode = postcode;
            this.oldPostcode = oldPostcode;
            this.other = other;
        }
    }

    private static Truth newChild(Random r, int id) {
        List<String> family = List.of(pick(r, FAMILY));
        String familyKind = null;
        double f = r.nextDouble();
        if (f < P_MULTI_PART * 0.25) {
            family = pick(r, MULTI_PART_FAMILY);
            familyKind = "multi-part";
        } else if (f < (P_MULTI_PART + P_GENDERED) * 0.25) {
            family = pick(r, GENDERED);
            familyKind = "gendered-form";
        } else if (f < (P_MULTI_PART + P_GENDERED + P_TRANSLITERATION) * 0.25) {
            family = pick(r, TRANSLITERATED);
            familyKind = "transliteration";
        }
        List<String> given = List.of(pick(r, GIVEN));
        String givenKind = null;
        double g = r.nextDouble();
        if (g < P_MULTI_PART * 0.2) {
            given = pick(r, MULTI_PART_GIVEN);
            givenKind = "multi-part";
        } else if (g < (P_MULTI_PART + P_TRANSLITERATION) * 0.2) {
            given = pick(r, TRANSLITERATED);
            givenKind = "transliteration";
        }
        String[] other = r.nextDouble() < P_SECOND_IDENTITY ? new String[]{pick(r, FAMILY), pick(r, GIVEN)} : null;
        return new Truth(id, TestNhsNumbers.next(r), family, familyKind, given, givenKind, dob(r), postcode(r),
                postcode(r), other);
    }

    private static Truth sibling(Random r, Truth of, int id) {
        String given;
        do {
            given = pick(r, GIVEN);
        } while (given.equals(of.given));
        LocalDate dob = r.nextDouble() < P_TWIN ? of.dob : dob(r);
        return new Truth(id, TestNhsNumbers.next(r), of.familyForms, of.familyKind, List.of(given), null, dob,
                of.postcode, of.oldPostcode, null);
    }

    private static Truth cousin(Random r, Truth of, int id) {
        return new Truth(id, TestNhsNumbers.next(r), of.familyForms, of.familyKind, List.of(pick(r, GIVEN)), null, dob(r),
                postcode(r), postcode(r), null);
    }

    /** Another child with the same names and date of birth, in another town. */
    private static Truth namesake(Random r, Truth of, int id) {
        String postcode;
        do {
            postcode = postcode(r);
        } while (district(postcode).equals(district(of.postcode)) || district(postcode).equals(district(of.oldPostcode)));
        return new Truth(id, TestNhsNumbers.next(r), of.familyForms, of.familyKind, of.givenForms, of.givenKind, of.dob,
                postcode, postcode(r), null);
    }

    private static String district(String postcode) {
        return postcode.substring(0, postcode.indexOf(' '));
    }

    private static Record record(Random r, Truth t, boolean first, String agency) {
        Set<String> tags = new TreeSet<>();
        String family = t.family;
        String given = t.given;
        LocalDate dob = t.dob;
        String estimated = null;
        String age = null;
        String description = null;
        List<RaiseConcernRequest.Alias> aliases = null;
        if (r.nextDouble() < P_BABY && t.dob.isAfter(TODAY.minusYears(2))) {
            given = "Baby";
            tags.add("newborn-baby");
        }
        if (!first) {
            if (t.familyForms.size() > 1 && r.nextDouble() < 0.5) {
                family = pick(r, t.familyForms.subList(1, t.familyForms.size()));
                tags.add(t.familyKind.equals("multi-part") ? (family.replace("-", " ").split(" ").length > 1
                        ? "multi-part-name-reordered" : "multi-part-name-shortened") : t.familyKind);
            }
            if (t.givenForms.size() > 1 && r.nextDouble() < 0.5 && !given.equals("Baby")) {
                given = pick(r, t.givenForms.subList(1, t.givenForms.size()));
                tags.add(t.givenKind.equals("multi-part") ? "multi-part-name-shortened" : t.givenKind);
            }
            if (r.nextDouble() < P_TYPING) {
                if (r.nextBoolean()) {
                    family = typingSlip(r, family);
                } else {
                    given = typingSlip(r, given);
                }
                tags.add("typing-slip");
            }
            if (r.nextDouble() < P_PHONETIC) {
                if (r.nextBoolean()) {
                    family = phonetic(r, family);
                } else {
                    given = phonetic(r, given);
                }
                tags.add("phonetic-spelling");
            }
            if (r.nextDouble() < P_SCANNING) {
                family = scanning(r, family);
                tags.add("scanning-slip");
            }
            if (r.nextDouble() < P_NICKNAME && NICKNAMES.containsKey(given)) {
                given = NICKNAMES.get(given);
                tags.add("nickname");
            }
            if (r.nextDouble() < P_KNOWN_AS) {
                given = pick(r, KNOWN_AS);
                tags.add("known-as-name");
            }
            if (r.nextDouble() < P_STEP_FAMILY) {
                family = pick(r, FAMILY);
                tags.add("step-family-name");
            }
            if (r.nextDouble() < P_SWAPPED) {
                String f = family;
                family = given;
                given = f;
                tags.add("names-swapped");
            }
            if (r.nextDouble() < P_DOB_SWAPPED && dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()) {
                dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
                tags.add("dob-day-month-swapped");
            } else if (r.nextDouble() < P_DOB_SLIP) {
                LocalDate slipped = slip(r, dob);
                if (!slipped.equals(dob)) {
                    dob = slipped;
                    tags.add("dob-one-part-wrong");
                }
            }
            if (t.other != null) {
                double o = r.nextDouble();
                if (o < 0.3) {
                    aliases = List.of(new RaiseConcernRequest.Alias(family, given));
                    family = t.other[0];
                    given = t.other[1];
                    tags.add("alias-on-record");
                } else if (o < 0.45) {
                    family = t.other[0];
                    given = t.other[1];
                    tags.add("other-identity-not-listed");
                } else if (o < 0.65) {
                    aliases = List.of(new RaiseConcernRequest.Alias(t.other[0], t.other[1]));
                }
            }
            double d = r.nextDouble();
            if (d < P_DOB_UNKNOWN) {
                dob = null;
                tags.add("dob-unknown");
            } else if (d < P_DOB_UNKNOWN + P_DOB_ESTIMATED) {
                dob = dob.withDayOfMonth(1).withMonth(1 + r.nextInt(12)).plusYears(r.nextInt(3) - 1);
                if (dob.isAfter(TODAY)) {
                    dob = TODAY.withDayOfMonth(1);
                }
                estimated = "true";
                tags.add("dob-estimated");
            } else if (d < P_DOB_UNKNOWN + P_DOB_ESTIMATED + P_AGE) {
                age = Long.toString(Math.max(0, ChronoUnit.YEARS.between(t.dob, TODAY) + r.nextInt(3) - 1));
                dob = null;
                tags.add("age-in-years");
            }
            if (r.nextDouble() < P_SINGLE_NAME) {
                if (r.nextBoolean()) {
                    family = null;
                } else {
                    given = null;
                }
                tags.add("single-name");
            }
        }
        String nhs = t.nhs;
        if (!first && t.sibling != null && r.nextDouble() < P_SIBLING_NHS) {
            nhs = t.sibling.nhs;
            tags.add("siblings-nhs-number");
        } else if (r.nextDouble() < P_NO_NHS) {
            nhs = null;
            tags.add("no-nhs-number");
        }
        double p = r.nextDouble();
        String postcode = p < P_NO_POSTCODE ? null : p < P_NO_POSTCODE + P_MOVED ? t.oldPostcode : t.postcode;
        if (postcode == null) {
            tags.add("no-postcode");
        } else if (postcode.equals(t.oldPostcode)) {
            tags.add("previous-address");
        }
        if (!first && r.nextDouble() < P_DESCRIPTION_ONLY) {
            nhs = null;
            family = null;
            given = null;
            dob = null;
            estimated = null;
            aliases = null;
            age = null;
            description = DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)].formatted(ChronoUnit.YEARS.between(t.dob, TODAY));
            tags.add("description-only");
        }
        return new Record(t.id, agency, new RaiseConcernRequest.Child(nhs, family, given, dob == null ? null : dob.toString(),
                postcode, aliases, estimated, age, description), tags);
    }

    static String typingSlip(Random r, String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
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

    static String phonetic(Random r, String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (int tries = 0; tries < 8; tries++) {
            String[] rule = PHONETIC[r.nextInt(PHONETIC.length)];
            int at = lower.indexOf(rule[0], 1);
            if (at > 0) {
                return capital(lower.substring(0, at) + rule[1] + lower.substring(at + rule[0].length()));
            }
        }
        return typingSlip(r, name);
    }

    static String scanning(Random r, String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (int tries = 0; tries < 8; tries++) {
            String[] rule = SCANNING[r.nextInt(SCANNING.length)];
            int at = lower.indexOf(rule[0], 1);
            if (at > 0) {
                return capital(lower.substring(0, at) + rule[1] + lower.substring(at + rule[0].length()));
            }
        }
        return typingSlip(r, name);
    }

    private static LocalDate slip(Random r, LocalDate dob) {
        for (int tries = 0; tries < 10; tries++) {
            try {
                LocalDate slipped = switch (r.nextInt(3)) {
                    case 0 -> dob.withDayOfMonth(1 + r.nextInt(28));
                    case 1 -> dob.withMonth(1 + r.nextInt(12));
                    default -> dob.withYear(dob.getYear() + (r.nextBoolean() ? 1 : -1));
                };
                if (!slipped.equals(dob) && !slipped.isAfter(TODAY)) {
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

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static LocalDate dob(Random r) {
        return LocalDate.of(2008, 1, 1).plusDays(r.nextInt(18 * 365));
    }

    private static String postcode(Random r) {
        String[] areas = {"N", "E", "SE", "SW", "W", "NW", "EN", "HA", "IG", "RM", "CR", "BR", "M", "LS", "B", "BS", "L"};
        return areas[r.nextInt(areas.length)] + (1 + r.nextInt(20)) + " " + r.nextInt(10)
                + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
    }
}
