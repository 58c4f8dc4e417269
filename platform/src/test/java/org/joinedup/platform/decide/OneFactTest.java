package org.joinedup.platform.decide;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A one-fact stream records its fact once; a second statement is a conflict named by the stream's rule. */
class OneFactTest {
    final OneFact<String> decider = new OneFact<>("access-recorded");

    @Test
    void the_fact_is_recorded_on_an_empty_stream() {
        Decision<String> d = decider.decide(new OneFact.Record<>("read by lead-1"), decider.initialState());
        assertEquals(new Decision.Accepted<>(List.of("read by lead-1")), d);
        assertEquals(Optional.of("read by lead-1"), decider.fold(List.of("read by lead-1")));
    }

    @Test
    void a_second_fact_is_refused_by_name() {
        Decision<String> d = decider.decide(new OneFact.Record<>("again"), Optional.of("read by lead-1"));
        Refusal.Conflict c = assertInstanceOf(Refusal.Conflict.class, assertInstanceOf(Decision.Refused.class, d).refusal());
        assertEquals("access-recorded", c.rule());
    }
}
