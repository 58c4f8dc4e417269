package org.joinedup.audit.chain;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The payload's canonical form is written by {@link CanonicalJson} (for speed) and must be exactly what
 * the RFC 8785 reference library makes of the same text: checked on hand-picked documents and on
 * thousands of generated ones, written both compactly and the way PostgreSQL's jsonb prints them.
 */
class CanonicalJsonTest {
    static String ours(String json) {
        StringBuilder out = new StringBuilder();
        CanonicalJson.write(json, out);
        return out.toString();
    }

    static String reference(String json) throws Exception {
        return new JsonCanonicalizer(json).getEncodedString();
    }

    @Test
    void hand_picked_documents_match_the_reference() throws Exception {
        List<String> documents = List.of(
                "{}", "[]", "{\"a\": []}", "[{}, [], null, true, false]",
                "{\"b\": 1, \"a\": 2, \"A\": 3, \"aa\": 4, \"\": 5}",
                "{\"n\": [0, -0, 1.0, 1.50, 1e3, 1E+2, -1e-7, 1e21, 1e-7, 123456789012345678901234567890, 0.1, 5e-324,"
                        + " 1.7976931348623157e308, 9007199254740993, -42, 3.141592653589793]}",
                "{\"s\": \"quote \\\" backslash \\\\ slash \\/ controls \\b\\f\\n\\r\\t \\u0000 \\u001f \\u007f\"}",
                "{\"\\u00e9\": 1, \"z\": 2, \"\\u20ac\": 3, \"\\ud83d\\ude00\": 4, \"\\ufb01\": 5, \"e\": 6}",
                "{\"lone\": \"\\ud800 and \\udc00\", \"u\": \"\\u00e9\\u4e2d\"}",
                "  {\"deep\": {\"deeper\": {\"deepest\": [1, {\"y\": null, \"x\": [true]}]}}}  ");
        for (String document : documents) {
            assertEquals(reference(document), ours(document), document);
        }
    }

    @Test
    void generated_documents_match_the_reference() throws Exception {
        Random r = new Random(8785);
        for (int i = 0; i < 5000; i++) {
            // The reference takes an object or an array at the top, as a payload always is.
            String inner = value(r, 0, r.nextBoolean());
            String document = r.nextBoolean() ? "{\"v\": " + inner + ", \"w\": " + value(r, 1, false) + "}" : "[" + inner + "]";
            assertEquals(reference(document), ours(document), document);
        }
    }

    @Test
    void what_is_not_json_or_repeats_a_name_is_refused() {
        for (String bad : List.of("", "  ", "{", "{\"a\": 1,}", "{\"a\": 1} {}", "{\"a\": 1, \"a\": 2}", "[01]", "{'a': 1}",
                "{\"a\": \"tab\tinside\"}", "[1e400]", "nul")) {
            assertThrows(IllegalArgumentException.class, () -> ours(bad), bad);
        }
    }

    @Test
    void instants_are_written_as_instant_to_string_writes_them() {
        Random r = new Random(3339);
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(0, 1),
                Instant.parse("2026-11-23T06:00:00Z"), Instant.parse("2026-11-23T06:00:00.100Z"),
                Instant.parse("2026-11-23T06:00:00.000100Z"), Instant.parse("2026-11-23T06:00:00.000000100Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2024-02-29T12:34:56.789Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(r.nextLong(-100_000_000_000L, 300_000_000_000L), r.nextInt(1_000_000_000)));
            instants.add(Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L), r.nextInt(1_000_000) * 1000L));
        }
        for (Instant t : instants) {
            StringBuilder out = new StringBuilder();
            LedgerFacts.instant(out, t);
            assertEquals("\"" + t + "\"", out.toString());
        }
    }

    /** A random JSON value as text: compact, or spaced and with members in jsonb's order (length, then bytes). */
    static String value(Random r, int depth, boolean spaced) {
        int kind = depth > 3 ? 2 + r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0 -> {
                int n = r.nextInt(5);
                List<String> names = new java.util.ArrayList<>();
                while (names.size() < n) {
                    String name = text(r);
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
                if (spaced) {
                    names.sort(java.util.Comparator.comparingInt(String::length).thenComparing(s -> s));
                }
                StringBuilder o = new StringBuilder("{");
                for (int i = 0; i < names.size(); i++) {
                    o.append(i > 0 ? (spaced ? ", " : ",") : "").append(quoted(names.get(i))).append(spaced ? ": " : ":")
                            .append(value(r, depth + 1, spaced));
                }
                return o.append('}').toString();
            }
            case 1 -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.append(i > 0 ? (spaced ? ", " : ",") : "").append(value(r, depth + 1, spaced));
                }
                return a.append(']').toString();
            }
            case 2 -> {
                return quoted(text(r));
            }
            case 3 -> {
                return number(r);
            }
            case 4 -> {
                return r.nextBoolean() ? "true" : "false";
            }
            default -> {
                return "null";
            }
        }
    }

    static String number(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Integer.toString(r.nextInt(2001) - 1000);
            case 1 -> Long.toString(r.nextLong());
            case 2 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(60) - 30));
            case 3 -> (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "." + r.nextInt(1000) + "0";
            case 4 -> r.nextInt(10) + "e" + (r.nextInt(40) - 20);
            default -> Double.toString(Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL));
        };
    }

    static String text(Random r) {
        return text(r, 8);
    }

    /**
     * Up to {@code maxLength} characters that JSON writers treat differently: quotes, backslashes,
     * control characters, non-ASCII letters and a surrogate pair (kept whole).
     */
    static String text(Random r, int maxLength) {
        String alphabet = "abcXYZ019 -_/:.\"\\\u0000\u0001\u001f\u007f\b\t\n\f\r\u00e9\u00fc\u20ac\u4e2d\ufb01\ud83d\ude00";
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(maxLength);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** A JSON string literal, escaping some characters that need not be escaped (as other writers do). */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20 || c == '\u00e9' || c == '/') {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
