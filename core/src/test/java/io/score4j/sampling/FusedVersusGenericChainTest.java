package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.fused.FusedMlp;
import io.score4j.nn.Init;
import io.score4j.nn.MlpForward;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * The fused and the generic Langevin chain run from the same start with the same keys. They share the
 * update ({@link LangevinUpdate}) and the noise; what may differ is the arithmetic of the update (float vs
 * double) and the score kernel (fused vs generic forward pass).
 */
class FusedVersusGenericChainTest {
    private static final MlpSpec SPEC = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 48);
    private static final Params PARAMS = MlpInit.init(SPEC, Init.SCALED, Key.of(11), DType.F32);

    private static float[] run(Chain chain, float[] start, int steps, int threads) {
        return Langevin.sample(chain, start, 2, new LangevinConfig(0.01, steps, 0, Parallelism.of(threads)), Key.of(12), null)
                .samples().data32();
    }

    /** Same score, same (float) arithmetic: the two schedules give the same bits, at any thread count. */
    @Test
    void sameScoreAndArithmeticGiveTheSameBits() {
        FusedMlp net = FusedMlp.of(SPEC, PARAMS);
        float[] start = Draw.uniform(Key.of(13), 517 * 2, -2, 2);
        float[] fused = run(Chain.fused(net), start, 230, 3);
        float[] generic = run(new Chain.Generic(net::score, LangevinUpdate.Precision.FLOAT), start, 230, 1);
        assertArrayEquals(generic, fused);
    }

    /**
     * The fused chain against the fully generic one (generic forward pass, double update). Each step the two
     * differ by rounding: the fused and generic scores by a few float ulps of the hidden sums (|s| ≲ 10, so
     * ≲ 1e-5 · α = 1e-7 in x) and the update by half an ulp of x (|x| ≲ 4: 2.4e-7). The score of a random
     * softplus net is Lipschitz with a constant L of order 1, so T steps amplify those errors by at most
     * (1 + αL)^T ≈ e^{αLT}: with α = 0.01, T = 100 and L ≤ 5 that is ≤ 1.6, and the sum over T steps of
     * ≈ 4e-7 each stays below 1e-4. Paths that close also give the same first and second moments to 1e-4.
     */
    @Test
    void fusedAndGenericPathsAgreeWithinRounding() {
        FusedMlp net = FusedMlp.of(SPEC, PARAMS);
        MlpForward forward = MlpForward.of(SPEC, PARAMS);
        float[] start = Draw.uniform(Key.of(14), 1000 * 2, -2, 2);
        float[] fused = run(Chain.fused(net), start, 100, 2);
        float[] generic = run(Chain.generic((x, o, r, d, out) -> forward.apply(x, o, r, out)), start, 100, 2);
        double max = 0;
        for (int i = 0; i < fused.length; i++) {
            max = Math.max(max, Math.abs(fused[i] - generic[i]));
        }
        assertTrue(max < 1e-4, "largest |fused − generic| " + max);
        assertTrue(max > 0, "the two arithmetics are expected to differ somewhere");
        for (int j = 0; j < 2; j++) {
            assertEquals(moment(generic, j, 1), moment(fused, j, 1), 1e-4);
            assertEquals(moment(generic, j, 2), moment(fused, j, 2), 1e-4);
        }
    }

    /** The p-th raw moment of column j of [n, 2] particles. */
    private static double moment(float[] x, int j, int p) {
        double sum = 0;
        for (int i = j; i < x.length; i += 2) {
            sum += Math.pow(x[i], p);
        }
        return sum / (x.length / 2);
    }
}
