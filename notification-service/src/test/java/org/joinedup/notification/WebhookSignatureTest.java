package org.joinedup.notification;

import org.joinedup.notification.delivery.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    @Test
    void signs_the_standard_webhooks_reference_example() {
        // The specification's own example: secret, webhook-id, webhook-timestamp, body and the signature it gives.
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.header(
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}"));
    }

    @Test
    void during_a_rotation_both_secrets_sign_and_each_new_secret_differs() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        assertNotEquals(a, b);
        assertTrue(a.startsWith("whsec_") && a.length() == "whsec_".length() + 44, a);
        String header = WebhookSignature.header(List.of(a, b), "id", 1L, "{}");
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals(WebhookSignature.header(List.of(a), "id", 1L, "{}"), parts[0]);
        assertEquals(WebhookSignature.header(List.of(b), "id", 1L, "{}"), parts[1]);
    }
}
