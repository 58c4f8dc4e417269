package org.joinedup.notification;

import org.joinedup.notification.delivery.CallbackAddresses;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check at send time: what a callback's host resolves to now, not what it looked like when subscribed. */
class CallbackAddressesTest {
    final CallbackAddresses production = new CallbackAddresses(false);
    final CallbackAddresses development = new CallbackAddresses(true);

    @Test
    void a_name_that_resolves_to_loopback_is_refused_outside_development() {
        assertTrue(production.check("localhost").orElseThrow().startsWith("refused"), "localhost resolves to loopback");
        assertEquals(Optional.empty(), development.check("localhost"));
        assertEquals(Optional.empty(), development.check("127.0.0.1"));
    }

    @Test
    void internal_addresses_are_refused_even_in_development() {
        for (String host : new String[]{"10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "fd00::1", "fe80::1"}) {
            assertTrue(development.check(host).orElseThrow().startsWith("refused"), host);
            assertTrue(production.check(host).orElseThrow().startsWith("refused"), host);
        }
    }

    @Test
    void a_public_address_passes_and_a_name_that_does_not_resolve_is_a_failed_attempt() {
        assertEquals(Optional.empty(), production.check("203.0.113.10"));
        assertEquals(Optional.empty(), production.check("2001:db8::10"));
        assertEquals(Optional.of("UnknownHostException"), production.check("no-such-host.invalid"));
    }
}
