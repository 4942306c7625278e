package io.score4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heap memory a run will allocate, part by part, so that it can be checked against the JVM's
 * limit ({@link Runtime#maxMemory()}, set by {@code -Xmx}) before anything large is allocated.
 *
 * <p>Every part is a product of sizes (rows × columns × bytes, parameters × copies × bytes, …)
 * computed in {@code long} with saturation: a product or sum that does not fit in a {@code long}
 * becomes {@link Long#MAX_VALUE}, which no heap satisfies. So sizes whose product overflows
 * {@code int} (n·d for n = 2·10⁹) are refused with a number instead of wrapping to a small or
 * negative array length.
 *
 * <p>The parts are lower bounds of what the code really holds at its peak (they count the large
 * arrays, not object headers or the JIT's needs): a run refused by {@link #check} could not have
 * finished; a run that passes may still need some headroom.
 *
 * @param parts what the run allocates, in the order added; each with bytes ≥ 0
 */
public record MemoryEstimate(List<Part> parts) {
    /** Bytes in one GiB. */
    private static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * One large allocation of a run.
     *
     * @param what     what it is and which flag sizes it, e.g. {@code "samples (--n 2000000000 × 2 columns)"}
     * @param bytes    its size; {@link Long#MAX_VALUE} when the product overflowed
     * @param elements elements of its longest single array (0 when not known), checked against {@link #MAX_ARRAY}
     */
    public record Part(String what, long bytes, long elements) {
        public Part {
            if (what == null || what.isBlank()) {
                throw new IllegalArgumentException("part needs a description");
            }
            if (bytes < 0 || elements < 0) {
                throw new IllegalArgumentException("part '" + what + "' has negative size " + bytes + " or length " + elements);
            }
        }
    }

    public MemoryEstimate {
        parts = List.copyOf(parts);
    }

    /** No parts yet. */
    public static MemoryEstimate none() {
        return new MemoryEstimate(List.of());
    }

    /** This estimate with one more part of {@code product(factors)} bytes. */
    public MemoryEstimate plus(String what, long... factors) {
        List<Part> p = new ArrayList<>(parts);
        p.add(new Part(what, product(factors), 0));
        return new MemoryEstimate(p);
    }

    /**
     * This estimate with one more part: {@code copies} arrays of {@code elements} values of
     * {@code bytesEach} bytes; {@link #check} also refuses it when one such array could not exist.
     */
    public MemoryEstimate plusArrays(String what, long elements, int bytesEach, int copies) {
        List<Part> p = new ArrayList<>(parts);
        p.add(new Part(what, product(elements, bytesEach, copies), elements));
        return new MemoryEstimate(p);
    }

    /** This estimate with every part of {@code other} appended. */
    public MemoryEstimate plus(MemoryEstimate other) {
        List<Part> p = new ArrayList<>(parts);
        p.addAll(other.parts);
        return new MemoryEstimate(p);
    }

    /** The sum of the parts, saturating at {@link Long#MAX_VALUE}. */
    public long total() {
        long t = 0;
        for (Part p : parts) {
            t = sum(t, p.bytes());
        }
        return t;
    }

    /** The largest part (the one to shrink first); null when there are none. */
    public Part largest() {
        Part best = null;
        for (Part p : parts) {
            if (best == null || p.bytes() > best.bytes()) {
                best = p;
            }
        }
        return best;
    }

    /** Checks against this JVM's heap limit; see {@link #check(long)}. */
    public void check() {
        check(heapLimit());
    }

    /**
     * Throws unless the total fits in {@code limit} bytes.
     *
     * Then throws when a part's arrays would be longer than {@link #MAX_ARRAY} (possible only with a
     * heap of more than 16 GiB).
     *
     * @throws InputException naming the estimate, the limit and the largest part, e.g. "this run needs
     *         at least 29.8 GiB of memory, more than the Java heap limit of 1.00 GiB (-Xmx); the largest
     *         part is training data (--n 2000000000 rows × 2 columns, 4 copies): 29.8 GiB"
     */
    public void check(long limit) {
        long total = total();
        if (total > limit) {
            Part big = largest();
            throw new InputException("this run needs at least " + size(total) + " of memory, more than the Java heap"
                    + " limit of " + size(limit) + " (-Xmx; raise it with SCORE4J_JVM_OPTS=-Xmx...); the largest part is "
                    + big.what() + ": " + size(big.bytes()));
        }
        for (Part p : parts) {
            if (p.elements() > MAX_ARRAY) {
                throw new InputException(p.what() + " would need arrays of " + p.elements() + " values, more than a Java"
                        + " array can hold (" + MAX_ARRAY + ")");
            }
        }
    }

    /** The most elements a Java array can hold (a little under 2³¹, as the JDK's own collections assume). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** The JVM's heap limit in bytes ({@code -Xmx}). */
    public static long heapLimit() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The product of non-negative factors, {@link Long#MAX_VALUE} when it overflows. */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException("negative size factor " + f);
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                p = Long.MAX_VALUE;
            }
        }
        return p;
    }

    /** a + b for non-negative sizes, {@link Long#MAX_VALUE} when it overflows. */
    public static long sum(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** A size for messages: "1.50 GiB", "12.0 MiB", "13021 GiB", or "more than 8 EiB" for a saturated one. */
    public static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        boolean gib = bytes >= GIB;
        double v = gib ? bytes / GIB : bytes / (1024.0 * 1024);
        String digits = v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, digits + (gib ? " GiB" : " MiB"), v);
    }
}
