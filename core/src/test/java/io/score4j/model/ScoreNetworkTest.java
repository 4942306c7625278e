package io.score4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.nn.Init;
import io.score4j.nn.MlpForward;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.Chain;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import org.junit.jupiter.api.Test;

class ScoreNetworkTest {
    private static final MlpSpec ONE_HIDDEN = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 32);
    private static final MlpSpec DEEP = MlpSpec.scoreNet(2, Activation.TANH, 16, 16);
    private static final MlpSpec NC_DEEP = new MlpSpec(new int[] {3, 16, 16, 2}, Activation.SILU);
    private static final MlpSpec NC_ONE_HIDDEN = new MlpSpec(new int[] {3, 24, 2}, Activation.SOFTPLUS);
    private static final MlpSpec NC_LINEAR = new MlpSpec(new int[] {3, 2}, Activation.SOFTPLUS);

    private static Params params(MlpSpec spec) {
        return MlpInit.init(spec, Init.SCALED, Key.of(21), DType.F32);
    }

    @Test
    void oneTableChoosesTheKernelForScoringAndTraining() {
        assertEquals(Kernel.FUSED_ONE_HIDDEN_LAYER, Kernel.scoring(ONE_HIDDEN, Conditioning.none()));
        assertEquals(Kernel.FUSED_DEEP, Kernel.scoring(DEEP, Conditioning.none()));
        assertEquals(Kernel.FUSED_DEEP, Kernel.scoring(NC_ONE_HIDDEN, Conditioning.noiseLevel()));
        assertEquals(Kernel.FUSED_DEEP, Kernel.scoring(NC_DEEP, Conditioning.noiseLevel()));
        assertEquals(Kernel.GENERIC, Kernel.scoring(NC_LINEAR, Conditioning.noiseLevel()));
        assertEquals(Kernel.FUSED_ONE_HIDDEN_LAYER, Kernel.training(ONE_HIDDEN, true));
        assertEquals(Kernel.GENERIC, Kernel.training(DEEP, true), "exact score matching has no deep fused loss");
        assertEquals(Kernel.FUSED_DEEP, Kernel.training(DEEP, false));
        assertEquals(Kernel.FUSED_DEEP, Kernel.training(ONE_HIDDEN, false));
        assertEquals(Kernel.GENERIC, Kernel.training(NC_LINEAR, false));
        assertEquals(Kernel.FUSED_ONE_HIDDEN_LAYER, ScoreNetwork.of(ONE_HIDDEN, params(ONE_HIDDEN), Conditioning.none()).kernel());
    }

    /** The fused kernels against the generic forward pass: float sums in another order, so within 1e-5 relative. */
    @Test
    void unconditionedScoreIsTheNetworkOutput() {
        for (MlpSpec spec : new MlpSpec[] {ONE_HIDDEN, DEEP}) {
            Params p = params(spec);
            ScoreNetwork net = ScoreNetwork.of(spec, p, Conditioning.none());
            float[] x = Draw.uniform(Key.of(22), 70 * 2, -3, 3);
            float[] got = new float[x.length];
            net.score().score(x, 0, 70, 2, got);
            float[] want = new float[x.length];
            MlpForward.of(spec, p).apply(x, 0, 70, want);
            assertClose(want, got, 1e-5);
        }
    }

    /** s(x, σ) = net([x, log σ]) / σ, checked on the deep kernel against the generic forward pass on [x, log σ]. */
    @Test
    void noiseLevelConditioningFeedsLogSigmaAndDividesBySigma() {
        for (MlpSpec spec : new MlpSpec[] {NC_ONE_HIDDEN, NC_DEEP}) {
            Params p = params(spec);
            ScoreNetwork net = ScoreNetwork.of(spec, p, Conditioning.noiseLevel());
            int n = 50;
            float[] x = Draw.uniform(Key.of(23), n * 2, -3, 3);
            for (double sigma : new double[] {0.01, 0.7, 5.0}) {
                float[] got = new float[x.length];
                net.noiseConditional().score(x, 0, n, 2, sigma, got);
                float[] want = byHand(MlpForward.of(spec, p), x, n, sigma);
                assertClose(want, got, 1e-5);
                float[] viaChain = new float[x.length];
                net.chainAt(sigma).score().score(x, 0, n, 2, viaChain);
                assertClose(got, viaChain, 0);
            }
        }
    }

    /** The generic path, on a linear net [3, 2]: s_j = (Σ_i W_ij·in_i + b_j) / σ with in = [x, log σ], in double. */
    @Test
    void genericConditionalPathMatchesTheClosedForm() {
        Params p = params(NC_LINEAR);
        float[] w = p.get(MlpSpec.weightName(0)).data32();
        float[] b = p.get(MlpSpec.biasName(0)).data32();
        ScoreNetwork net = ScoreNetwork.of(NC_LINEAR, p, Conditioning.noiseLevel());
        float[] x = Draw.uniform(Key.of(24), 9 * 2, -3, 3);
        double sigma = 0.3;
        float[] got = new float[x.length];
        net.noiseConditional().score(x, 2, 7, 2, sigma, got);
        for (int r = 2; r < 9; r++) {
            double[] in = {x[2 * r], x[2 * r + 1], Math.log(sigma)};
            for (int j = 0; j < 2; j++) {
                double s = b[j];
                for (int i = 0; i < 3; i++) {
                    s += w[i * 2 + j] * in[i];
                }
                assertEquals(s / sigma, got[2 * r + j], 1e-5 * Math.max(1, Math.abs(s / sigma)));
            }
        }
        assertEquals(0f, got[0], "rows outside [offset, offset + rows) are not written");
    }

    @Test
    void theChainIsFusedExactlyForTheOneHiddenLayerKernel() {
        assertInstanceOf(Chain.Fused.class, ScoreNetwork.of(ONE_HIDDEN, params(ONE_HIDDEN), Conditioning.none()).chain());
        assertInstanceOf(Chain.Generic.class, ScoreNetwork.of(DEEP, params(DEEP), Conditioning.none()).chain());
        assertInstanceOf(Chain.Generic.class,
                ScoreNetwork.of(NC_ONE_HIDDEN, params(NC_ONE_HIDDEN), Conditioning.noiseLevel()).chainAt(0.1));
    }

    @Test
    void refusesTheWrongRuleOrShape() {
        ScoreNetwork plain = ScoreNetwork.of(ONE_HIDDEN, params(ONE_HIDDEN), Conditioning.none());
        ScoreNetwork nc = ScoreNetwork.of(NC_DEEP, params(NC_DEEP), Conditioning.noiseLevel());
        assertThrows(IllegalArgumentException.class, plain::noiseConditional);
        assertThrows(IllegalArgumentException.class, nc::score);
        assertThrows(IllegalArgumentException.class, nc::chain);
        assertThrows(IllegalArgumentException.class, () -> ScoreNetwork.of(ONE_HIDDEN, params(ONE_HIDDEN),
                Conditioning.noiseLevel()));
        assertThrows(IllegalArgumentException.class, () -> ScoreNetwork.of(NC_DEEP, params(NC_DEEP), Conditioning.none()));
        assertThrows(IllegalArgumentException.class, () -> plain.score().score(new float[3], 0, 1, 3, new float[3]));
    }

    private static float[] byHand(MlpForward forward, float[] x, int n, double sigma) {
        float[] in = new float[n * 3];
        for (int r = 0; r < n; r++) {
            in[3 * r] = x[2 * r];
            in[3 * r + 1] = x[2 * r + 1];
            in[3 * r + 2] = (float) Math.log(sigma);
        }
        float[] out = new float[n * 2];
        forward.apply(in, 0, n, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] / sigma);
        }
        return out;
    }

    /**
     * s(x, t) = net([x, e(t)]) / σ(t), each row at its own time, on the deep kernel and the generic one,
     * against the generic forward pass on [x, e(t)] built here from the embedding's equation.
     */
    @Test
    void timeConditionedScoreUsesEachRowsTime() {
        io.score4j.noise.Sde sde = new io.score4j.noise.Sde.Vp(0.1, 20);
        TimeEmbedding emb = new TimeEmbedding(4);
        for (MlpSpec spec : new MlpSpec[] {new MlpSpec(new int[] {6, 16, 16, 2}, Activation.SILU),
            new MlpSpec(new int[] {6, 2}, Activation.SILU)}) {
            Params p = params(spec);
            ScoreNetwork net = ScoreNetwork.of(spec, p, Conditioning.time(sde, emb));
            int rows = 9;
            float[] x = Draw.uniform(Key.of(23), rows * 2, -3, 3);
            double[] t = new double[rows];
            float[] in = new float[rows * 6];
            for (int r = 0; r < rows; r++) {
                t[r] = 1e-5 + r * 0.12;
                in[r * 6] = x[2 * r];
                in[r * 6 + 1] = x[2 * r + 1];
                for (int k = 0; k < 2; k++) {
                    double w = k == 0 ? 1.0 : 1e-4;
                    in[r * 6 + 2 + k] = (float) Math.sin(emb.scale() * t[r] * w);
                    in[r * 6 + 4 + k] = (float) Math.cos(emb.scale() * t[r] * w);
                }
            }
            float[] want = new float[rows * 2];
            MlpForward.of(spec, p).apply(in, 0, rows, want);
            for (int r = 0; r < rows; r++) {
                want[2 * r] /= (float) sde.marginalStd(t[r]);
                want[2 * r + 1] /= (float) sde.marginalStd(t[r]);
            }
            float[] got = new float[rows * 2];
            net.timeConditional().score(x, t, 0, rows, 2, got);
            assertClose(want, got, 1e-5);
        }
        assertThrows(IllegalArgumentException.class,
                () -> ScoreNetwork.of(new MlpSpec(new int[] {3, 2}, Activation.SILU), params(new MlpSpec(new int[] {3, 2},
                        Activation.SILU)), Conditioning.time(sde, emb)));
    }

    /**
     * The batch path (chunks of {@link TimeInputs#CHUNK} rows, e(t) and 1/σ(t) cached per run of equal times)
     * gives the bits of scoring each row alone after a call at another time (which refreshes the cache), and
     * writes only its rows.
     */
    @Test
    void timeConditionedBatchesAreBitForBitRowByRow() {
        io.score4j.noise.Sde sde = new io.score4j.noise.Sde.Vp(0.1, 20);
        for (MlpSpec spec : new MlpSpec[] {new MlpSpec(new int[] {18, 32, 32, 2}, Activation.SILU),
            new MlpSpec(new int[] {18, 2}, Activation.TANH)}) {
            ScoreNetwork net = ScoreNetwork.of(spec, params(spec), Conditioning.time(sde, new TimeEmbedding(16)));
            int offset = 3;
            int rows = 2 * TimeInputs.CHUNK + 100;
            int n = offset + rows + 2;
            float[] x = Draw.uniform(Key.of(29), n * 2, -3, 3);
            double[] t = new double[n];
            for (int r = 0; r < n; r++) {
                t[r] = r < 1500 ? 0.25 : r % 3 == 0 ? 0.5 : 1e-5 + (r % 97) / 97.0;
            }
            float[] got = new float[n * 2];
            java.util.Arrays.fill(got, 42f);
            net.timeConditional().score(x, t, offset, rows, 2, got);
            float[] one = new float[2];
            for (int r = 0; r < n; r++) {
                if (r < offset || r >= offset + rows) {
                    assertEquals(42f, got[2 * r], 0f);
                    assertEquals(42f, got[2 * r + 1], 0f);
                    continue;
                }
                net.timeConditional().score(new float[2], new double[] {0.77}, 0, 1, 2, one);
                net.timeConditional().score(java.util.Arrays.copyOfRange(x, 2 * r, 2 * r + 2), new double[] {t[r]}, 0, 1,
                        2, one);
                assertEquals(Float.floatToRawIntBits(one[0]), Float.floatToRawIntBits(got[2 * r]), "row " + r);
                assertEquals(Float.floatToRawIntBits(one[1]), Float.floatToRawIntBits(got[2 * r + 1]), "row " + r);
            }
        }
    }

    private static void assertClose(float[] want, float[] got, double rel) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], rel * Math.max(1, Math.abs(want[i])), "element " + i);
        }
    }
}
