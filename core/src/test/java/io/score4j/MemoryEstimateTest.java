package io.score4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    @Test
    void productsAndSumsSaturateInsteadOfWrapping() {
        assertEquals(2_000_000_000L * 2 * 24, MemoryEstimate.product(2_000_000_000L, 2, 24));
        assertEquals(Long.MAX_VALUE, MemoryEstimate.product(100_000, 100_000, 100_000, 100_000, 100_000));
        assertEquals(Long.MAX_VALUE, MemoryEstimate.sum(Long.MAX_VALUE - 1, 2));
        assertEquals(0, MemoryEstimate.product(Long.MAX_VALUE, 0));
        assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.product(3, -1));
    }

    @Test
    void checkNamesTheTotalTheLimitAndTheLargestPart() {
        MemoryEstimate m = MemoryEstimate.none().plus("small part", 1024).plus("big part (--n 3)", 3L << 30);
        assertEquals((3L << 30) + 1024, m.total());
        assertEquals("big part (--n 3)", m.largest().what());
        m.check(4L << 30);
        InputException e = assertThrows(InputException.class, () -> m.check(1L << 30));
        assertEquals("this run needs at least 3.00 GiB of memory, more than the Java heap limit of 1.00 GiB (-Xmx; raise"
                + " it with SCORE4J_JVM_OPTS=-Xmx...); the largest part is big part (--n 3): 3.00 GiB", e.getMessage());
    }

    @Test
    void anOverflowedPartIsRefusedByAnyHeap() {
        MemoryEstimate m = MemoryEstimate.none().plus("huge", Long.MAX_VALUE / 2, 3);
        InputException e = assertThrows(InputException.class, () -> m.check(Long.MAX_VALUE - 1));
        assertTrue(e.getMessage().contains("more than 8 EiB"), e.getMessage());
    }

    @Test
    void arraysLongerThanJavaAllowsAreRefusedEvenWhenTheHeapIsLarge() {
        MemoryEstimate ok = MemoryEstimate.none().plusArrays("values", MemoryEstimate.MAX_ARRAY, 8, 1);
        ok.check(Long.MAX_VALUE);
        MemoryEstimate tooLong = MemoryEstimate.none().plusArrays("values", 4_000_000_000L, 8, 2);
        assertEquals(64_000_000_000L, tooLong.total());
        InputException e = assertThrows(InputException.class, () -> tooLong.check(Long.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("values would need arrays of 4000000000 values"), e.getMessage());
    }

    @Test
    void sizesReadWell() {
        assertEquals("12.0 MiB", MemoryEstimate.size(12L << 20));
        assertEquals("1.50 GiB", MemoryEstimate.size(3L << 29));
        assertEquals("13000 GiB", MemoryEstimate.size(13000L << 30));
        assertEquals("more than 8 EiB", MemoryEstimate.size(Long.MAX_VALUE));
    }

    @Test
    void theHeapLimitIsTheJvmsMaxMemory() {
        assertEquals(Runtime.getRuntime().maxMemory(), MemoryEstimate.heapLimit());
    }
}
