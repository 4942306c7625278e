package io.score4j.random;

/**
 * Pure functions that draw arrays from a {@link Key}, like {@code jax.random.normal/uniform/choice}.
 * Element {@code i} of every result depends only on the key and {@code i}. Transcendentals are
 * {@link StrictMath}'s (fdlibm), never {@link Math}'s, whose JIT intrinsics may round differently on
 * another CPU: the same key gives the same bits on every machine.
 */
public final class Draw {
    private Draw() {}

    /** Standard normal z_i for counter index {@code i} (Box–Muller on the pair (2⌊i/2⌋, 2⌊i/2⌋+1)). */
    public static double normalAt(Key key, long i) {
        long pair = i >>> 1;
        double u1 = 1.0 - key.uniform(2 * pair);   // (0, 1]
        double u2 = key.uniform(2 * pair + 1);
        double r = Math.sqrt(-2.0 * StrictMath.log(u1));
        double a = 2.0 * Math.PI * u2;
        return (i & 1) == 0 ? r * StrictMath.cos(a) : r * StrictMath.sin(a);
    }

    /** {@code n} standard normals in double precision. */
    public static double[] normalDouble(Key key, int n) {
        checkCount(n);
        double[] out = new double[n];
        for (int p = 0; p < n; p += 2) {
            double u1 = 1.0 - key.uniform(p);
            double u2 = key.uniform(p + 1);
            double r = Math.sqrt(-2.0 * StrictMath.log(u1));
            double a = 2.0 * Math.PI * u2;
            out[p] = r * StrictMath.cos(a);
            if (p + 1 < n) {
                out[p + 1] = r * StrictMath.sin(a);
            }
        }
        return out;
    }

    /** {@code n} standard normals rounded to float; equal to {@code (float) normalDouble(key, n)[i]}. */
    public static float[] normal(Key key, int n) {
        double[] d = normalDouble(key, n);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    /** {@code n} uniforms on [lo, hi) in double precision. */
    public static double[] uniformDouble(Key key, int n, double lo, double hi) {
        checkCount(n);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("uniform needs hi > lo, got [" + lo + ", " + hi + ")");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = lo + (hi - lo) * key.uniform(i);
        }
        return out;
    }

    /** {@code n} uniforms on [lo, hi) rounded to float (clamped below hi). */
    public static float[] uniform(Key key, int n, double lo, double hi) {
        double[] d = uniformDouble(key, n, lo, hi);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float v = (float) d[i];
            out[i] = v >= hi ? Math.nextDown((float) hi) : v;
        }
        return out;
    }

    /**
     * Elements [from, from + n) of {@link #uniform(Key, int, double, double)} of any longer length: element m is
     * {@code lo + (hi − lo)·key.uniform(from + m)} rounded to float (clamped below hi), the same expression.
     */
    public static float[] uniformAt(Key key, long from, int n, double lo, double hi) {
        checkCount(n);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("uniform needs hi > lo, got [" + lo + ", " + hi + ")");
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float v = (float) (lo + (hi - lo) * key.uniform(from + i));
            out[i] = v >= hi ? Math.nextDown((float) hi) : v;
        }
        return out;
    }

    /**
     * {@code k} distinct indices from {0, …, population−1}, uniformly without replacement
     * (a partial Fisher–Yates shuffle driven by the key), in the order drawn.
     */
    public static int[] choice(Key key, int population, int k) {
        return choice(key, population, k, new int[Math.max(population, 0)]);
    }

    /**
     * {@link #choice(Key, int, int)} using {@code scratch} (length ≥ population, contents ignored and
     * overwritten) instead of a fresh permutation array, for loops that draw a batch every step.
     * Same result as the allocating form.
     */
    public static int[] choice(Key key, int population, int k, int[] scratch) {
        if (population < 1) {
            throw new IllegalArgumentException("choice population must be >= 1, got " + population);
        }
        if (k < 0 || k > population) {
            throw new IllegalArgumentException(
                    "choice without replacement needs 0 <= k <= population, got k=" + k + ", population=" + population);
        }
        if (scratch.length < population) {
            throw new IllegalArgumentException("scratch of length " + scratch.length + " < population " + population);
        }
        int[] perm = scratch;
        for (int i = 0; i < population; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + boundedIndex(key.bits(i), population - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = new int[k];
        System.arraycopy(perm, 0, out, 0, k);
        return out;
    }

    /** Maps 64 random bits to [0, bound) (multiply-high; bias below 2^-32 for bound < 2^31). */
    static int boundedIndex(long bits, int bound) {
        return (int) Math.multiplyHigh(bits >>> 1, (long) bound << 1);
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + n);
        }
    }
}
