package org.joinedup.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Random NHS numbers with a correct modulus-11 check digit, so each test has its own child. */
public final class TestNhsNumbers {
    private TestNhsNumbers() {
    }

    public static String next() {
        return next(ThreadLocalRandom.current());
    }

    /** The next number from the given source, for reproducible data sets. */
    public static String next(java.util.Random random) {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = random.nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }
}
