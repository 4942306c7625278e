package io.score4j.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.score4j.Parallelism;
import io.score4j.autodiff.Var;
import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.objective.DenoisingScoreMatching;
import io.score4j.objective.NoiseConditionalScoreMatching;
import io.score4j.objective.Projection;
import io.score4j.objective.SlicedScoreMatching;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.VectorMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fused deep kernels against the generic autodiff path in double precision, and their determinism
 * (thread count, scalar vs vector kernels, row splits).
 *
 * <p>Tolerances: the fused path rounds every product and sum to float (unit roundoff u = 6e-8) and its
 * activations carry a relative error ≤ 5e-7 (MathProvider). A sum of n terms in order has a worst-case
 * relative error of about n·u of the sum of magnitudes; with widths ≤ 100, four layers and the scaled
 * initialisation (sums of magnitudes within a small factor of |sum|) that is ≲ 4·100·6e-8 ≈ 2.4e-5 on the
 * scores, measured relative to the largest reference value. Gradients add one backward sweep and a
 * 300-term batch sum (≤ 300·u ≈ 2e-5 in the worst case, far less on average), so 2e-4 of the largest
 * gradient entry of each leaf leaves a margin of about 3 over the worst case, and still catches any
 * wrong index, transposition or missing term (those produce errors of order 1).
 */
class DeepMlpTest {
    private static final int[][] HIDDEN = {{40, 70}, {16, 100, 24}, {20, 17, 32, 9}};

    private static MlpSpec spec(int d, boolean conditional, Activation act, int[] hidden) {
        int[] s = new int[hidden.length + 2];
        s[0] = conditional ? d + 1 : d;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = d;
        return new MlpSpec(s, act);
    }

    private static Params params(MlpSpec spec, long seed) {
        return MlpInit.init(spec, Init.SCALED, Key.of(seed), DType.F32);
    }

    private static float[] data(long seed, int n, int d) {
        return Draw.normal(Key.of(seed), n * d);
    }

    private static Params f64(Params p) {
        return p.map(t -> t.astype(DType.F64));
    }

    /** max |a − b| / max |b|. */
    private static double relErr(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num = Math.max(num, Math.abs(a[i] - b[i]));
            den = Math.max(den, Math.abs(b[i]));
        }
        return num / den;
    }

    private static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void scoresMatchGenericDouble(Activation act) {
        int d = 3;
        int n = 150;
        for (int[] hidden : HIDDEN) {
            for (boolean cond : new boolean[] {false, true}) {
                MlpSpec spec = spec(d, cond, act, hidden);
                Params p = params(spec, 7 + hidden.length);
                float[] x = data(3, n, d);
                double sigma = 0.37;
                double[] in = new double[n * spec.inputDim()];
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < d; j++) {
                        in[r * spec.inputDim() + j] = x[r * d + j];
                    }
                    if (cond) {
                        in[r * spec.inputDim() + d] = (float) Math.log(sigma);
                    }
                }
                double[] want = MlpModel.apply(spec, MlpModel.lift(f64(p)), Var.leaf(Tensor.wrap(in, n, spec.inputDim())))
                        .value().toDoubleArray();
                float[] got = new float[n * d];
                DeepMlp net = DeepMlp.of(spec, p);
                if (cond) {
                    for (int i = 0; i < want.length; i++) {
                        want[i] /= sigma;
                    }
                    net.applyConditional(x, 0, n, sigma, got);
                } else {
                    net.apply(x, 0, n, got);
                }
                double e = relErr(toDouble(got), want);
                assertTrue(e < 5e-5, act + " " + spec + " score rel err " + e);
            }
        }
    }

    private static LossAndGrad fused(MlpSpec spec, Params p, float[] x, int n, Key key, boolean vector, int threads) {
        return fused(spec, p, x, n, key, vector, threads, false);
    }

    /** Denoising (or ncsn for a conditional spec), or sliced with two Rademacher projections when {@code sliced}. */
    private static LossAndGrad fused(MlpSpec spec, Params p, float[] x, int n, Key key, boolean vector, int threads,
                                         boolean sliced) {
        DeepMlp net = DeepMlp.of(spec, p, vector);
        if (sliced) {
            return DeepSliced.lossAndGradient(net, x, n, 2, false, false, key, Parallelism.of(threads));
        }
        return spec.inputDim() == spec.outputDim()
                ? DeepLoss.denoising(net, x, n, 0.3, key, Parallelism.of(threads))
                : DeepLoss.noiseConditional(net, x, n, new double[] {2.0, 0.5, 0.1}, key, Parallelism.of(threads));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void lossAndEveryGradientLeafMatchGenericDouble(Activation act) {
        int d = 3;
        int n = 300;
        for (int[] hidden : HIDDEN) {
            for (boolean cond : new boolean[] {false, true}) {
                MlpSpec spec = spec(d, cond, act, hidden);
                Params p = params(spec, 11 + hidden.length);
                float[] x = data(5, n, d);
                Key key = Key.of(9);
                Tensor batch = Tensor.wrap(toDouble(x), n, d);
                LossAndGrad want = cond
                        ? new NoiseConditionalScoreMatching(io.score4j.noise.NoiseLadder.of(2.0, 0.5, 0.1)).lossAndGrad(spec, f64(p), batch, key)
                        : new DenoisingScoreMatching(0.3).lossAndGrad(spec, f64(p), batch, key);
                LossAndGrad got = fused(spec, p, x, n, key, VectorMath.vectorEnabled(), 2);
                String what = act + " " + spec;
                assertEquals(want.loss(), got.loss(), 1e-5 * Math.abs(want.loss()), what + " loss");
                assertEquals(want.grad().names(), got.grad().names(), what);
                for (String name : want.grad().names()) {
                    Tensor g = got.grad().get(name);
                    assertArrayEquals(want.grad().get(name).shape(), g.shape(), what + " " + name);
                    assertEquals(DType.F32, g.dtype());
                    double e = relErr(g.toDoubleArray(), want.grad().get(name).toDoubleArray());
                    assertTrue(e < 2e-4, what + " " + name + " rel err " + e);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void slicedLossAndEveryGradientLeafMatchGenericDouble(Activation act) {
        int d = 3;
        int n = 200;
        for (int[] hidden : HIDDEN) {
            for (boolean vr : new boolean[] {false, true}) {
                MlpSpec spec = spec(d, false, act, hidden);
                Params p = params(spec, 13 + hidden.length);
                float[] x = data(15, n, d);
                Key key = Key.of(19);
                Projection law = vr ? Projection.GAUSSIAN : Projection.RADEMACHER;
                LossAndGrad want = new SlicedScoreMatching(2, law, vr)
                        .lossAndGrad(spec, f64(p), Tensor.wrap(toDouble(x), n, d), key);
                LossAndGrad got = DeepSliced.lossAndGradient(DeepMlp.of(spec, p), x, n, 2, vr, vr, key,
                        Parallelism.of(2));
                String what = act + " " + spec + (vr ? " sliced-vr gaussian" : " sliced rademacher");
                assertEquals(want.loss(), got.loss(), 1e-5 * Math.abs(want.loss()) + 1e-6, what + " loss");
                for (String name : want.grad().names()) {
                    double e = relErr(got.grad().get(name).toDoubleArray(), want.grad().get(name).toDoubleArray());
                    assertTrue(e < 2e-4, what + " " + name + " rel err " + e);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void bitsDoNotDependOnThreadsOrVectorKernels(Activation act) {
        assumeTrue(VectorMath.vector().isPresent(), "needs the Vector API module");
        int d = 4;
        int n = 333;
        for (int[] hidden : HIDDEN) {
            for (boolean cond : new boolean[] {false, true}) {
                MlpSpec spec = spec(d, cond, act, hidden);
                Params p = params(spec, 21);
                float[] x = data(6, n, d);
                Key key = Key.of(4);
                for (boolean sliced : cond ? new boolean[] {false} : new boolean[] {false, true}) {
                    LossAndGrad ref = fused(spec, p, x, n, key, false, 1, sliced);
                    for (boolean vector : new boolean[] {false, true}) {
                        for (int threads : new int[] {1, 2, 3}) {
                            LossAndGrad g = fused(spec, p, x, n, key, vector, threads, sliced);
                            String what = act + " " + spec + " sliced=" + sliced + " vector=" + vector + " threads=" + threads;
                            assertEquals(Double.doubleToRawLongBits(ref.loss()), Double.doubleToRawLongBits(g.loss()), what);
                            assertTrue(ref.grad().bitEquals(g.grad()), what);
                        }
                    }
                }
                float[] scalar = scores(DeepMlp.of(spec, p, false), x, n, d, cond, n);
                float[] vector = scores(DeepMlp.of(spec, p, true), x, n, d, cond, n);
                float[] pieces = scores(DeepMlp.of(spec, p, true), x, n, d, cond, 7);
                // 5- and 10-row calls: the 4-row remainder blocks (4 × 4 after 6-row blocks, 4 × 1 after 8-row ones)
                float[] fives = scores(DeepMlp.of(spec, p, true), x, n, d, cond, 5);
                float[] tens = scores(DeepMlp.of(spec, p, true), x, n, d, cond, 10);
                assertArrayEquals(scalar, vector, act + " " + spec + " scores scalar vs vector");
                assertArrayEquals(scalar, pieces, act + " " + spec + " scores in pieces");
                assertArrayEquals(scalar, fives, act + " " + spec + " scores in pieces of 5");
                assertArrayEquals(scalar, tens, act + " " + spec + " scores in pieces of 10");
            }
        }
    }

    /** Scores of all n rows, computed in calls of at most {@code piece} rows. */
    private static float[] scores(DeepMlp net, float[] x, int n, int d, boolean cond, int piece) {
        float[] out = new float[n * d];
        for (int r = 0; r < n; r += piece) {
            int rows = Math.min(piece, n - r);
            if (cond) {
                net.applyConditional(x, r, rows, 0.25, out);
            } else {
                net.apply(x, r, rows, out);
            }
        }
        return out;
    }

    @Test
    void vectorKernelsAreTheVectorOnesWhenAvailable() {
        assumeTrue(VectorMath.vector().isPresent(), "needs the Vector API module");
        DeepMlp net = DeepMlp.of(spec(2, false, Activation.SILU, new int[] {32, 32}), params(spec(2, false, Activation.SILU,
                new int[] {32, 32}), 1), true);
        assertTrue(net.kernelName().startsWith("vector("), net.kernelName());
        assertFalse(DeepMlp.of(net.spec(), params(net.spec(), 1), false).kernelName().startsWith("vector"));
    }

    @Test
    void rejectsWhatItCannotRun() {
        MlpSpec linear = new MlpSpec(new int[] {3, 3}, Activation.SILU);
        assertFalse(DeepMlp.supports(linear));
        assertThrows(IllegalArgumentException.class, () -> DeepMlp.of(linear, params(linear, 1)));
        MlpSpec spec = spec(3, false, Activation.TANH, new int[] {8, 8});
        Params f64 = f64(params(spec, 1));
        assertThrows(IllegalArgumentException.class, () -> DeepMlp.of(spec, f64));
        DeepMlp net = DeepMlp.of(spec, params(spec, 1));
        assertThrows(IllegalArgumentException.class, () -> net.apply(new float[5], 0, 2, new float[6]));
        assertThrows(IllegalArgumentException.class, () -> net.applyConditional(new float[6], 0, 2, 0.5, new float[6]));
        assertThrows(IllegalArgumentException.class,
                () -> DeepLoss.denoising(net, new float[6], 2, 0.0, Key.of(1), Parallelism.single()));
        assertThrows(IllegalArgumentException.class,
                () -> DeepLoss.noiseConditional(net, new float[6], 2, new double[] {1.0}, Key.of(1), Parallelism.single()));
    }
}
