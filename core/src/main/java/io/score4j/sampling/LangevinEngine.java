package io.score4j.sampling;

import io.score4j.Parallelism;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The unadjusted Langevin recursion over a sequence of levels (one for plain Langevin, L for annealed),
 * run block-parallel with per-step keys so the bits do not depend on the thread count.
 *
 * <p>Step t of a level with key K updates coordinate j of particle i with
 * z = {@code Draw.normalAt(K.child(t), i·d + j)} by {@link LangevinUpdate}. Blocks run independently
 * between synchronisation points, which fall every {@link #SEGMENT_STEPS} steps ({@link Chain#FUSED_SEGMENT_STEPS}
 * for the fused strategy), at history snapshots and at level ends. Within a segment the generic strategy
 * steps a whole block at a time; the fused one runs all the segment's steps on {@link Chain#FUSED_BLOCK}
 * particles before moving to the next {@link Chain#FUSED_BLOCK} (same bits, better cache use).
 */
final class LangevinEngine {
    static final int SEGMENT_STEPS = 32;

    /** {@code steps} steps of size {@code stepSize} with {@code chain}; step t uses {@code key.child(t)}. */
    record Level(Chain chain, double stepSize, int steps, Key key) {}

    private LangevinEngine() {}

    /** Number of rows of a flat start array; validates d, length and finiteness. */
    static int rows(float[] start, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (start.length == 0 || start.length % d != 0) {
            throw new IllegalArgumentException("start length " + start.length + " is not a positive multiple of d=" + d);
        }
        for (int k = 0; k < start.length; k++) {
            if (!Float.isFinite(start[k])) {
                throw new IllegalArgumentException("start[" + k + "] is not finite: " + start[k]);
            }
        }
        return start.length / d;
    }

    /** Runs all levels from a copy of {@code start} (not modified). {@code progress} may be null. */
    static SamplingResult run(float[] start, int d, List<Level> levels, int thinning, Parallelism parallelism,
                              IntConsumer progress) {
        return run(start, d, 0, levels, thinning, parallelism, progress);
    }

    /**
     * As {@link #run(float[], int, List, int, Parallelism, IntConsumer)} for rows [firstRow, firstRow + n) of a
     * larger run: row i of {@code start} draws its noise as particle {@code firstRow + i}, so a range sampled alone
     * equals those rows of the whole run.
     */
    static SamplingResult run(float[] start, int d, long firstRow, List<Level> levels, int thinning,
                              Parallelism parallelism, IntConsumer progress) {
        if (firstRow < 0) {
            throw new IllegalArgumentException("firstRow must be >= 0, got " + firstRow);
        }
        int n = rows(start, d);
        float[] x = start.clone();
        float[] s = new float[x.length];
        List<Tensor> history = new ArrayList<>();
        int done = 0;
        Blocks blocks = new Blocks(n, parallelism);
        double[][] z = new double[blocks.count()][];
        for (int b = 0; b < z.length; b++) {
            z[b] = new double[(blocks.end(b) - blocks.start(b)) * d];
        }
        for (Level level : levels) {
            for (int t = 0; t < level.steps(); ) {
                int from = t;
                int to = segmentEnd(t, level.steps(), done, thinning, segmentSteps(level.chain()));
                blocks.forEach(b -> advance(level, x, s, d, firstRow, blocks.start(b), blocks.end(b), z[b], from, to));
                done += to - from;
                t = to;
                if (thinning > 0 && done % thinning == 0) {
                    history.add(Tensor.of(x, n, d));
                }
                if (progress != null) {
                    progress.accept(done);
                }
            }
        }
        return new SamplingResult(Tensor.wrap(x, n, d), history);
    }

    private static int segmentSteps(Chain chain) {
        return chain instanceof Chain.Fused ? Chain.FUSED_SEGMENT_STEPS : SEGMENT_STEPS;
    }

    private static int segmentEnd(int t, int steps, int done, int thinning, int segment) {
        int end = Math.min(steps, t + segment);
        if (thinning > 0) {
            end = Math.min(end, t + thinning - done % thinning);
        }
        return end;
    }

    /**
     * Steps [from, to) for rows [i0, i1), in passes of {@link Chain#FUSED_BLOCK} rows for the fused strategy
     * (all steps of a pass before the next) and one pass of the whole block otherwise. Modifies x and s in
     * those rows and the block scratch z. Noise counters start at (firstRow + row)·d.
     */
    private static void advance(Level level, float[] x, float[] s, int d, long firstRow, int i0, int i1, double[] z,
                                int from, int to) {
        Chain chain = level.chain();
        ScoreFn score = chain.score();
        int pass = chain instanceof Chain.Fused ? Chain.FUSED_BLOCK : i1 - i0;
        for (int p0 = i0; p0 < i1; p0 += pass) {
            int rows = Math.min(pass, i1 - p0);
            int lo = p0 * d;
            int len = rows * d;
            for (int t = from; t < to; t++) {
                score.score(x, p0, rows, d, s);
                Noise.normals(level.key().child(t), (firstRow + p0) * d, z, 0, len);
                LangevinUpdate.apply(chain.precision(), level.stepSize(), x, s, z, lo, len);
            }
        }
    }
}
