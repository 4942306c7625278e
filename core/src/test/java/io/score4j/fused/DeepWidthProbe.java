package io.score4j.fused;

import io.score4j.Parallelism;
import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;

/**
 * Child-JVM probe of {@link DeepWidthTest}: prints the kernels in use and a digest of the bits of fused
 * deep scores, losses and gradients over every activation, two depths, with and without the σ input.
 */
public final class DeepWidthProbe {
    private DeepWidthProbe() {}

    public static void main(String[] args) {
        System.out.println("kernels=" + DeepMlp.of(spec(Activation.SILU, 2, false), params(spec(Activation.SILU, 2, false)))
                .kernelName() + " digest=" + digest());
    }

    static MlpSpec spec(Activation act, int depth, boolean cond) {
        int[] s = depth == 2 ? new int[] {cond ? 4 : 3, 100, 37, 3} : new int[] {cond ? 4 : 3, 24, 70, 19, 3};
        return new MlpSpec(s, act);
    }

    static Params params(MlpSpec spec) {
        return MlpInit.init(spec, Init.SCALED, Key.of(spec.sizes()[1]), DType.F32);
    }

    /** A 64-bit digest of every result bit (scores, losses, gradients), in a fixed order. */
    static long digest() {
        long h = 17;
        int n = 261;
        float[] x = Draw.normal(Key.of(8), n * 3);
        for (Activation act : Activation.values()) {
            for (int depth : new int[] {2, 3}) {
                for (boolean cond : new boolean[] {false, true}) {
                    MlpSpec spec = spec(act, depth, cond);
                    DeepMlp net = DeepMlp.of(spec, params(spec));
                    float[] s = new float[n * 3];
                    LossAndGrad r;
                    if (cond) {
                        net.applyConditional(x, 0, n, 0.3, s);
                        r = DeepLoss.noiseConditional(net, x, n, new double[] {1.0, 0.2}, Key.of(3), Parallelism.of(2));
                    } else {
                        net.apply(x, 0, n, s);
                        r = DeepLoss.denoising(net, x, n, 0.2, Key.of(3), Parallelism.of(2));
                        LossAndGrad sliced = DeepSliced.lossAndGradient(net, x, n, 2, false, false, Key.of(5),
                                Parallelism.of(2));
                        h = h * 1_000_003L + Double.doubleToRawLongBits(sliced.loss());
                        for (Tensor t : sliced.grad().tensors()) {
                            for (float v : t.data32()) {
                                h = h * 1_000_003L + Float.floatToRawIntBits(v);
                            }
                        }
                    }
                    for (float v : s) {
                        h = h * 1_000_003L + Float.floatToRawIntBits(v);
                    }
                    h = h * 1_000_003L + Double.doubleToRawLongBits(r.loss());
                    for (Tensor t : r.grad().tensors()) {
                        for (float v : t.data32()) {
                            h = h * 1_000_003L + Float.floatToRawIntBits(v);
                        }
                    }
                }
            }
        }
        return h;
    }
}
