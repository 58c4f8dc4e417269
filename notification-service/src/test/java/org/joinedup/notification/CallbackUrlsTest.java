package org.joinedup.notification;

import org.joinedup.notification.subscription.CallbackUrls;
import org.joinedup.platform.http.FieldErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackUrlsTest {
    @ParameterizedTest
    @CsvSource({
            "https://hooks.met-police.example/joinedup, false, ",
            "https://203.0.113.9/hook, false, ",
            "http://127.0.0.1:9000/hook, true, ",
            "http://localhost:9000/hook, true, ",
            "http://[::1]:9000/hook, true, ",
            "http://hooks.met-police.example/joinedup, false, https",
            "http://127.0.0.1:9000/hook, false, https",
            "https://127.0.0.1/hook, false, public-address",
            "https://10.1.2.3/hook, false, public-address",
            "https://192.168.0.10/hook, false, public-address",
            "https://172.16.5.4/hook, false, public-address",
            "https://169.254.169.254/latest/meta-data, false, public-address",
            "https://100.64.0.1/hook, false, public-address",
            "https://[fd00::1]/hook, false, public-address",
            "https://[fe80::1]/hook, false, public-address",
            "https://0.0.0.0/hook, false, public-address",
            "https://printer.local/hook, false, public-address",
            "https://user:pass@hooks.example/x, false, url",
            "https://hooks.example/x#part, false, url",
            "ftp://hooks.example/x, false, https",
            "/relative/path, false, url",
            "not a url, false, url",
    })
    void accepts_public_https_and_loopback_only_in_development(String url, boolean loopback, String rule) {
        FieldErrors errors = new FieldErrors();
        CallbackUrls.check(errors, "callbackUrl", url, loopback);
        if (rule == null) {
            assertTrue(errors.isEmpty(), url + ": " + errors.violations());
        } else {
            assertEquals(1, errors.violations().size(), url);
            assertEquals("callbackUrl", errors.violations().get(0).field());
            assertEquals(rule, errors.violations().get(0).rule(), url);
        }
    }

    @ParameterizedTest
    @CsvSource({"1999, ", "2001, max-length"})
    void at_most_two_thousand_characters(int length, String rule) {
        String base = "https://hooks.example/";
        FieldErrors errors = new FieldErrors();
        CallbackUrls.check(errors, "callbackUrl", base + "a".repeat(length - base.length()), false);
        assertEquals(rule == null ? 0 : 1, errors.violations().size());
    }
}
