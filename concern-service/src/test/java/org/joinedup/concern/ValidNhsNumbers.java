package org.joinedup.concern;

import java.util.concurrent.ThreadLocalRandom;

/** Random NHS numbers with a correct check digit, so each test has its own child. */
final class ValidNhsNumbers {
    private ValidNhsNumbers() {
    }

    static String next() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                sb.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return sb.append(check).toString();
            }
        }
    }
}
