package org.joinedup.events;

import org.joinedup.events.concern.NhsNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "9999999999"})
    void numbers_with_a_correct_modulus_11_check_digit_are_valid(String number) {
        assertTrue(NhsNumber.hasValidCheckDigit(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "4010232138", "1234567890"})
    void a_wrong_check_digit_is_refused(String number) {
        assertFalse(NhsNumber.hasValidCheckDigit(number));
    }

    @Test
    void a_remainder_giving_check_value_10_is_never_valid() {
        // 1,2,3,... weights: 0*10+0*9+...+ chosen so that 11 - (sum mod 11) = 10: sum mod 11 = 1
        // 000000001 -> sum = 1*2 = 2; 000000010 -> 1*3 = 3; use 100000000 -> 10, 10 mod 11 = 10 -> check 1.
        // 000000006 -> 6*2 = 12, 12 mod 11 = 1 -> check 10: invalid whatever the last digit is.
        for (int last = 0; last <= 9; last++) {
            assertFalse(NhsNumber.hasValidCheckDigit("000000006" + last));
        }
    }

    @Test
    void a_check_value_of_11_means_0() {
        // 000000000 -> sum 0 -> 11 - 0 = 11 -> 0
        assertTrue(NhsNumber.hasValidCheckDigit("0000000000"));
    }

    @Test
    void spaces_and_hyphens_as_written_are_removed_and_other_shapes_are_refused() {
        assertEquals("9434765919", NhsNumber.normalise("943 476 5919"));
        assertEquals("9434765919", NhsNumber.normalise("943-476-5919"));
        assertNull(NhsNumber.normalise("94347659"));
        assertNull(NhsNumber.normalise("94347659191"));
        assertNull(NhsNumber.normalise("94347A5919"));
        assertNull(NhsNumber.normalise(null));
    }
}
