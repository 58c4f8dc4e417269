package org.joinedup.concern.child;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When two recorded given names can be the same person's: the same name, a spelling or phonetic
 * variant, a short form (Sam for Samuel, Mo for Mohammed), a known pet name (Billy for William, Peggy
 * for Margaret), or the first part of a name with several parts (Mary for Mary-Jane). Normalised
 * names (see {@link ChildMatchKeys#normaliseName}) in.
 */
public final class GivenNames {
    private GivenNames() {
    }

    /** Pet names that are not short forms, each with the names it stands for. */
    private static final Map<String, Set<String>> PET_NAMES = petNames(List.of(
            List.of("william", "bill", "billy", "will", "liam"),
            List.of("robert", "bob", "bobby", "rob", "robbie", "bert"),
            List.of("richard", "dick", "rick", "ricky", "richie"),
            List.of("edward", "ted", "teddy", "ed", "eddie", "ned"),
            List.of("henry", "harry", "hal", "hank"),
            List.of("john", "jack", "johnny", "jonny"),
            List.of("james", "jim", "jimmy", "jamie", "jem"),
            List.of("margaret", "peggy", "maggie", "meg", "megan", "greta", "rita"),
            List.of("elizabeth", "beth", "betty", "liz", "lizzie", "eliza", "libby", "bess", "lisa", "elsie"),
            List.of("catherine", "katherine", "kathryn", "kate", "katie", "kath", "cathy", "kitty", "kay"),
            List.of("charlotte", "lottie", "charlie", "lotty"),
            List.of("amelia", "millie", "milly", "amy"),
            List.of("mildred", "millie"),
            List.of("olivia", "liv", "livvy", "ollie"),
            List.of("oliver", "ollie", "olly"),
            List.of("alexander", "alex", "sandy", "xander", "sasha", "alec"),
            List.of("alexandra", "alex", "sandra", "sasha", "lexi"),
            List.of("victoria", "vicky", "tori", "vikki"),
            List.of("frederick", "fred", "freddie", "freddy"),
            List.of("matilda", "tilly", "tilda", "maud"),
            List.of("florence", "flo", "florrie", "flossie"),
            List.of("isabella", "bella", "izzy", "isabel", "isobel"),
            List.of("isabelle", "bella", "izzy", "isabel", "isobel"),
            List.of("joseph", "joe", "joey", "jo"),
            List.of("josephine", "jo", "josie", "jojo"),
            List.of("samuel", "sam", "sammy"),
            List.of("samantha", "sam", "sammy"),
            List.of("daniel", "dan", "danny"),
            List.of("jacob", "jake", "jac"),
            List.of("joshua", "josh"),
            List.of("thomas", "tom", "tommy"),
            List.of("anthony", "tony", "ant"),
            List.of("christopher", "chris", "kit"),
            List.of("nicholas", "nick", "nicky", "nico"),
            List.of("michael", "mike", "mikey", "mick", "mickey"),
            List.of("patrick", "pat", "paddy"),
            List.of("theodore", "theo", "ted", "teddy"),
            List.of("mohammed", "muhammad", "mohammad", "mohamed", "muhammed", "mohamad", "mo", "moe", "hamid"),
            List.of("abdullah", "abdul", "abdi"),
            List.of("aleksandr", "alexander", "sasha", "sacha", "shura"),
            List.of("dmitri", "dmitry", "dima"),
            List.of("yekaterina", "ekaterina", "katya", "katerina", "catherine"),
            List.of("anastasia", "nastya", "stacey", "stacy"),
            List.of("ivan", "vanya", "john"),
            List.of("mikhail", "misha", "michael"),
            List.of("yusuf", "yousef", "youssef", "joseph"),
            List.of("ibrahim", "ebrahim", "abraham"),
            List.of("maryam", "mariam", "miriam", "mary"),
            List.of("ayesha", "aisha", "aysha", "ayesa"),
            List.of("fatima", "fatma", "fatimah"),
            List.of("susan", "sue", "susie", "suzy"),
            List.of("jennifer", "jen", "jenny"),
            List.of("rebecca", "becky", "becca"),
            List.of("deborah", "debbie", "debs"),
            List.of("abigail", "abby", "abbie", "gail"),
            List.of("gabriella", "gabby", "ella"),
            List.of("eleanor", "ellie", "nell", "nora"),
            List.of("helen", "nell", "ellie"),
            List.of("penelope", "penny", "poppy"),
            List.of("dorothy", "dot", "dolly", "dora"),
            List.of("mary", "molly", "polly", "mae", "may"),
            List.of("sarah", "sally", "sadie"),
            List.of("harold", "harry"),
            List.of("harriet", "hattie", "harry"),
            List.of("lawrence", "laurence", "larry", "laurie"),
            List.of("leonard", "leo", "len", "lenny"),
            List.of("francis", "frank", "frankie", "fran"),
            List.of("frances", "fran", "frankie", "fanny")));

    private static Map<String, Set<String>> petNames(List<List<String>> groups) {
        Map<String, Set<String>> found = new HashMap<>();
        for (List<String> group : groups) {
            for (String name : group) {
                found.computeIfAbsent(name, n -> new java.util.HashSet<>()).addAll(group);
            }
        }
        return Map.copyOf(found);
    }

    /**
     * True when the two given names can belong to one person. Both must be known: an unknown name is
     * neither for nor against and is the caller's to treat.
     */
    public static boolean agree(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            throw new IllegalArgumentException("both names must be known");
        }
        if (x.equals(y) || ChildMatcher.part(x, y) >= ChildMatcher.SIMILAR_PART) {
            return true;
        }
        if (x.length() >= 2 && y.length() >= 2 && (x.startsWith(y) || y.startsWith(x))) {
            return true;
        }
        Set<String> pets = PET_NAMES.get(x);
        return pets != null && pets.contains(y);
    }

    /** True when {@code x} is a known pet or short name of {@code y}, or the other way round. */
    public static boolean petName(String x, String y) {
        Set<String> pets = PET_NAMES.get(x);
        return pets != null && pets.contains(y);
    }
}
