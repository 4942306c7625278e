package io.score4j.random;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyTest {

    @Test
    void sameSeedSameKeyDifferentSeedDifferentKey() {
        assertEquals(Key.of(0), Key.of(0));
        assertNotEquals(Key.of(0), Key.of(1));
    }

    @Test
    void splitIsPrefixStableAndChildrenDistinct() {
        Key k = Key.of(42);
        Key[] a = k.split(3);
        Key[] b = k.split(10);
        for (int i = 0; i < 3; i++) {
            assertEquals(a[i], b[i]);
            assertEquals(k.child(i), a[i]);
        }
        Set<Key> seen = new HashSet<>(Arrays.asList(b));
        seen.add(k);
        assertEquals(11, seen.size());
    }

    @Test
    void streamMatchesCounterBits() {
        Key k = Key.of(7);
        KeyStream s = k.stream();
        for (int i = 0; i < 5; i++) {
            assertEquals(k.bits(i), s.nextLong());
        }
        assertEquals(5, s.position());
    }

    @Test
    void uniformMomentsMatchU01() {
        // Mean of n U(0,1) has SE sqrt(1/12/n) ≈ 0.00091 at n = 100000; 4 SE bound.
        int n = 100_000;
        double[] u = Draw.uniformDouble(Key.of(3), n, 0, 1);
        double mean = Arrays.stream(u).average().orElseThrow();
        assertEquals(0.5, mean, 4 * Math.sqrt(1.0 / 12 / n));
        assertTrue(Arrays.stream(u).allMatch(v -> v >= 0 && v < 1));
    }

    @Test
    void normalMomentsMatchStandardNormal() {
        // mean SE = 1/sqrt(n); variance SE = sqrt(2/n) for a normal. 4 SE bounds.
        int n = 200_000;
        double[] z = Draw.normalDouble(Key.of(5), n);
        double mean = Arrays.stream(z).average().orElseThrow();
        double var = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        assertEquals(0, mean, 4 / Math.sqrt(n));
        assertEquals(1, var, 4 * Math.sqrt(2.0 / n));
        double kurt = Arrays.stream(z).map(v -> Math.pow(v - mean, 4)).sum() / n / (var * var);
        assertEquals(3, kurt, 4 * Math.sqrt(96.0 / n));
    }

    @Test
    void normalAtAgreesWithArrayDraw() {
        Key k = Key.of(11);
        double[] z = Draw.normalDouble(k, 9);
        for (int i = 0; i < 9; i++) {
            assertEquals(z[i], Draw.normalAt(k, i));
        }
    }

    @Test
    void choiceIsWithoutReplacementAndUniform() {
        Key k = Key.of(9);
        int[] c = Draw.choice(k, 20000, 2048);
        assertEquals(2048, Arrays.stream(c).distinct().count());
        assertTrue(Arrays.stream(c).allMatch(i -> i >= 0 && i < 20000));
        // Each index of a population of 10 is picked by choice(10, 3) with probability 0.3.
        int trials = 20000;
        int[] counts = new int[10];
        for (int t = 0; t < trials; t++) {
            for (int i : Draw.choice(k.child(t), 10, 3)) {
                counts[i]++;
            }
        }
        double se = Math.sqrt(trials * 0.3 * 0.7);
        for (int cnt : counts) {
            assertEquals(0.3 * trials, cnt, 5 * se);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        Key k = Key.of(1);
        assertThrows(IllegalArgumentException.class, () -> k.split(0));
        assertThrows(IllegalArgumentException.class, () -> Draw.choice(k, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> Draw.uniform(k, 3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Draw.normal(k, -1));
    }
}
