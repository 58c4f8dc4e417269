package org.joinedup.platform.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionTest {
    private final List<String> admitted = new ArrayList<>();

    private Admission.Waiter waiter(String name) {
        return () -> admitted.add(name);
    }

    @Test
    void runs_up_to_the_bound_queues_up_to_the_bound_and_refuses_the_rest() {
        Admission admission = new Admission(2, 1);
        assertEquals(Admission.Outcome.ADMITTED, admission.enter(waiter("a")));
        assertEquals(Admission.Outcome.ADMITTED, admission.enter(waiter("b")));
        assertEquals(Admission.Outcome.QUEUED, admission.enter(waiter("c")));
        assertEquals(Admission.Outcome.REFUSED, admission.enter(waiter("d")));
        assertEquals(2, admission.running());
        assertEquals(1, admission.queued());
    }

    @Test
    void a_finished_request_hands_its_place_to_the_longest_waiting_one() {
        Admission admission = new Admission(1, 3);
        admission.enter(waiter("a"));
        admission.enter(waiter("b"));
        admission.enter(waiter("c"));
        admission.leave();
        assertEquals(List.of("b"), admitted);
        assertEquals(1, admission.running(), "b runs in a's place");
        admission.leave();
        assertEquals(List.of("b", "c"), admitted);
        admission.leave();
        assertEquals(0, admission.running());
        assertEquals(Admission.Outcome.ADMITTED, admission.enter(waiter("d")));
    }

    @Test
    void a_withdrawn_request_is_never_admitted_and_one_already_admitted_cannot_withdraw() {
        Admission admission = new Admission(1, 2);
        admission.enter(waiter("a"));
        Admission.Waiter b = waiter("b");
        Admission.Waiter c = waiter("c");
        admission.enter(b);
        admission.enter(c);
        assertTrue(admission.withdraw(b));
        admission.leave();
        assertEquals(List.of("c"), admitted);
        assertFalse(admission.withdraw(c), "c runs now: its deadline no longer applies");
    }

    @Test
    void with_no_queue_a_busy_service_refuses_at_once_and_leaving_too_often_is_a_bug() {
        Admission admission = new Admission(1, 0);
        admission.enter(waiter("a"));
        assertEquals(Admission.Outcome.REFUSED, admission.enter(waiter("b")));
        admission.leave();
        assertThrows(IllegalStateException.class, admission::leave);
        assertThrows(IllegalArgumentException.class, () -> new Admission(0, 1));
    }
}
