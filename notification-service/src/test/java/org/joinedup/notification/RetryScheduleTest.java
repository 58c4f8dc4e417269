package org.joinedup.notification;

import org.joinedup.notification.delivery.RetrySchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {
    private final Instant made = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void waits_double_each_time_with_jitter_in_the_upper_half_up_to_an_hour() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        assertEquals(made.plusMillis(2_500), s.next(1, made, made, () -> 0.0), "5 s ceiling, lowest jitter");
        assertEquals(made.plusMillis(5_000), s.next(1, made, made, () -> 1.0));
        assertEquals(made.plusMillis(10_000), s.next(2, made, made, () -> 1.0));
        assertEquals(made.plusSeconds(3_600), s.next(20, made, made, () -> 1.0), "never more than an hour");
        assertEquals(made.plusSeconds(1_800), s.next(20, made, made, () -> 0.0));
    }

    @Test
    void gives_up_when_the_window_has_passed_and_never_waits_past_its_end() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        assertNull(s.next(30, made, made.plus(Duration.ofHours(24)), () -> 0.5));
        Instant late = made.plus(Duration.ofHours(23)).plusSeconds(50 * 60);
        assertEquals(made.plus(Duration.ofHours(24)), s.next(25, made, late, () -> 1.0), "the last try is at the window's end");
    }

    @Test
    void over_twenty_four_hours_a_delivery_is_tried_some_forty_times() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        Instant now = made;
        int attempts = 0;
        while (now != null) {
            attempts++;
            now = s.next(attempts, made, now, () -> 0.5);
        }
        assertTrue(attempts >= 30 && attempts <= 50, "attempts: " + attempts);
    }
}
