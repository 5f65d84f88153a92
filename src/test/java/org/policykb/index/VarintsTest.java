package org.policykb.index;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VarintsTest {
    @Test
    void fiveBitsToADigitLowBitsFirst() {
        assertEquals("\"A\"", Varints.ascending(IntStream.of(0).iterator()));
        assertEquals("\"f\"", Varints.ascending(IntStream.of(31).iterator()));
        // 32 = 0 + 1 × 32: a digit with the continuation bit (32 + 0 = 'g'), then 1 ('B')
        assertEquals("\"gB\"", Varints.ascending(IntStream.of(32).iterator()));
        // 1,000,000 needs four digits; as decimals in JSON it takes seven characters and a comma
        assertEquals(6, Varints.ascending(IntStream.of(1_000_000).iterator()).length());
    }

    @Test
    void ascendingNumbersAreWrittenAsDifferences() {
        // 5, 6, 40 → 5, 1, 34 = F, B, iB
        assertEquals("\"FBiB\"", Varints.ascending(IntStream.of(5, 6, 40).iterator()));
        assertThrows(IllegalArgumentException.class, () -> Varints.ascending(IntStream.of(6, 5).iterator()));
    }
}
