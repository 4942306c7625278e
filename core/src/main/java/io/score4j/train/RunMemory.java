package io.score4j.train;

import io.score4j.MemoryEstimate;
import io.score4j.fused.FusedMlp;
import io.score4j.nn.MlpSpec;

/**
 * What training, sampling and scoring runs allocate, as {@link MemoryEstimate}s to check before
 * allocating. Each part counts only the large arrays the code really creates, so the totals are
 * lower bounds of the peak heap (see {@link MemoryEstimate}); the constants below say which arrays.
 * Sizes are {@code long}, so no product wraps around.
 */
public final class RunMemory {
    /**
     * Bytes per training value: the drawn or read doubles (8), their standardised copy (8) and the
     * float copy the trainer reads (4).
     */
    static final int DATA_BYTES_PER_VALUE = 20;
    /** Copies of the parameters alive in a step: params, gradient, Adam's two moments, update, next params. */
    static final int PARAM_COPIES = 6;
    /**
     * Floats per unit per network pass held for the backward pass: the value and its adjoint. A floor:
     * the generic engine holds more (measured: up to 0.94 GB live after a GC for --batch 2048, D = 50,
     * --hidden 256,256 on exact score matching, against 0.51 GB counted here).
     */
    static final int ACTIVATION_COPIES = 2;
    /** Copies of the per-step loss history: the trainer's, the final state's and the caller's. */
    static final int LOSS_COPIES = 3;
    /**
     * Bytes per sampled value: the float start and chain (4 + 4), the double copy (8) and the
     * destandardised doubles that are written (8).
     */
    static final int SAMPLE_BYTES_PER_VALUE = 24;
    /**
     * Bytes per scored value beyond the points read: standardised (8), float input and score (4 + 4),
     * the double score (8) and the destandardised score that is written (8).
     */
    static final int SCORE_BYTES_PER_VALUE = 32;

    private RunMemory() {}

    /** Weights and biases of {@code spec}: Σ_l (in_l·out_l + out_l), in {@code long}. */
    public static long parameterCount(MlpSpec spec) {
        int[] s = spec.sizes();
        long p = 0;
        for (int l = 0; l + 1 < s.length; l++) {
            p = MemoryEstimate.sum(p, MemoryEstimate.product(s[l] + 1L, s[l + 1]));
        }
        return p;
    }

    /**
     * Training rows drawn or read and their copies: {@code rows × d × } {@value #DATA_BYTES_PER_VALUE} bytes.
     * Its arrays hold rows × d values, which {@link MemoryEstimate#check} also bounds.
     */
    public static MemoryEstimate data(long rows, int d) {
        return MemoryEstimate.none().plusArrays("training data (" + rows + " rows × " + d + " columns, with its copies)",
                MemoryEstimate.product(rows, d), DATA_BYTES_PER_VALUE, 1);
    }

    /**
     * A training run on data already counted by {@link #data}: the parameters and optimizer state, the
     * initialisation's double draws of the widest layer, the per-step activations, the noise ladder
     * and the per-step loss history.
     *
     * @param steps total steps, epochs × ⌊rows / batch⌋
     */
    public static MemoryEstimate training(MlpSpec spec, ObjectiveKind kind, int projections, int levels, int batch,
                                          long steps) {
        long params = parameterCount(spec);
        int[] s = spec.sizes();
        long widest = 0;
        long units = 0;
        for (int l = 0; l < s.length; l++) {
            units += s[l];
            if (l + 1 < s.length) {
                widest = Math.max(widest, MemoryEstimate.product(s[l], s[l + 1]));
            }
        }
        MemoryEstimate m = MemoryEstimate.none()
                .plus("network parameters (" + params + " for --hidden " + hiddenText(s) + ", " + PARAM_COPIES
                        + " copies with the gradient and optimizer state)", params, PARAM_COPIES, Float.BYTES)
                .plus("initial weights of the widest layer (" + widest + " doubles)", widest, Double.BYTES)
                .plus("activations of one step (--batch " + batch + " × " + units + " units × " + passes(spec, kind,
                        projections) + " network passes)", batch, units, passes(spec, kind, projections),
                        ACTIVATION_COPIES, Float.BYTES)
                .plus("loss history (" + steps + " steps from --epochs)", steps, LOSS_COPIES, Double.BYTES);
        return kind.noiseConditional() ? m.plus("noise ladder (--levels " + levels + ")", levels, 4, Double.BYTES) : m;
    }

    /**
     * Sampling {@code particles} points of dimension {@code d}, with a network {@code spec} (null for
     * an analytic density): {@value #SAMPLE_BYTES_PER_VALUE} bytes per value, the parameters, and the
     * annealed sampler's noise ladder of {@code levels} (0 for the other samplers).
     */
    public static MemoryEstimate sampling(long particles, int d, MlpSpec spec, long levels) {
        MemoryEstimate m = MemoryEstimate.none().plusArrays("particles (" + particles + " × " + d
                + " columns, with their copies)", MemoryEstimate.product(particles, d), SAMPLE_BYTES_PER_VALUE, 1);
        m = spec == null ? m : m.plus("network parameters", parameterCount(spec), Float.BYTES);
        return levels == 0 ? m : m.plus("noise ladder (--levels " + levels + ")", levels, 4, Double.BYTES);
    }

    /** Scoring {@code points} rows of dimension {@code d} already read: {@value #SCORE_BYTES_PER_VALUE} bytes per value. */
    public static MemoryEstimate scoring(long points, int d, MlpSpec spec) {
        return MemoryEstimate.none().plusArrays("scores (" + points + " points × " + d + " columns, with their copies)",
                MemoryEstimate.product(points, d), SCORE_BYTES_PER_VALUE, 1).plus("network parameters", parameterCount(spec), Float.BYTES);
    }

    /**
     * Network passes per step whose activations are held at once: one for the fused kernel, denoising
     * and ncsn; M JVPs for sliced; D for exact score matching on the generic engine (the trace).
     */
    static long passes(MlpSpec spec, ObjectiveKind kind, int projections) {
        return switch (kind) {
            case SLICED, SLICED_VR -> 1L + projections;
            case EXACT -> FusedMlp.supports(spec) ? 1L : 1L + spec.outputDim();
            case DENOISING, NCSN, DSM -> 1L;
        };
    }

    private static String hiddenText(int[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int l = 1; l + 1 < sizes.length; l++) {
            b.append(l == 1 ? "" : ",").append(sizes[l]);
        }
        return b.toString();
    }
}
