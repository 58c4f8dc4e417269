package org.joinedup.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Random NHS numbers with a correct modulus-11 check digit, so each test has its own child. */
public final class TestNhsNumbers {
    private TestNhsNumbers() {
    }

    public static String next() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
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
