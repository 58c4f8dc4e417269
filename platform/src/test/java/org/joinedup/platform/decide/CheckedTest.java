package org.joinedup.platform.decide;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Guards chain in order: the first that fails names the refusal; later ones are not asked. */
class CheckedTest {

    @Test
    void the_first_failing_check_is_the_refusal() {
        Decision<String> d = Checked.pass(3)
                .check(n -> n > 0, n -> Refusal.invalid("n", "positive", "must be positive"))
                .check(n -> n % 2 == 0, n -> Refusal.conflict("odd", n + " is odd"))
                .check(n -> { throw new AssertionError("not asked after a failure"); }, n -> null)
                .then(n -> Decision.accept("even " + n));
        assertEquals(Decision.refuse(Refusal.conflict("odd", "3 is odd")), d);
    }

    @Test
    void passing_guards_decide_from_the_checked_value() {
        Decision<String> d = Checked.pass(4).check(n -> n % 2 == 0, n -> Refusal.conflict("odd", "odd"))
                .andThen(n -> Checked.pass("four"))
                .then(s -> Decision.accept(s));
        assertEquals(Decision.accept("four"), d);
    }

    @Test
    void a_refusal_maps_through_a_wider_event_type() {
        Decision<Object> wide = Decision.<String>refuse(Refusal.notFound("none")).map(s -> (Object) s);
        assertEquals(Decision.refuse(Refusal.notFound("none")), wide);
        assertEquals(Decision.accept((Object) "a"), Decision.accept("a").map(s -> (Object) s));
    }
}
