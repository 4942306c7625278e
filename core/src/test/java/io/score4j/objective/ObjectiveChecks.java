package io.score4j.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;

/** F64 checks shared by the objective tests: central differences, per-example consistency, bits. */
final class ObjectiveChecks {
    private ObjectiveChecks() {}

    /** Standard normal F64 batch [b, d]. */
    static Tensor batch(long seed, int b, int d) {
        return Tensor.wrap(Draw.normalDouble(Key.of(seed), b * d), b, d);
    }

    /**
     * ⟨∇L, u⟩ against (L(θ + hu) − L(θ − hu)) / 2h along three seeded N(0, I) directions u, with the
     * same key on both sides (the draws do not depend on θ). h = 1e-5 in F64: truncation h²|L'''|/6
     * and rounding ε|L|/h are both ≈ 1e-10 · scale, far under the 1e-6 relative tolerance, while a
     * wrong derivative term (e.g. a dropped JVP) shows up at O(1).
     */
    static void assertGradientMatchesCentralDifferences(Objective o, MlpSpec spec, Params p, Tensor x, Key key) {
        LossAndGrad lg = o.lossAndGrad(spec, p, x, key);
        assertEquals(o.loss(spec, p, x, key), lg.loss(), 1e-12 * Math.max(1, Math.abs(lg.loss())));
        double h = 1e-5;
        for (int k = 0; k < 3; k++) {
            Key dir = Key.of(600 + k);
            Params u = p.map(t -> Tensor.wrap(Draw.normalDouble(dir.fold(t.size()), t.size()), t.shape()));
            double analytic = dot(lg.grad(), u);
            assertTrue(Math.abs(analytic) > 1e-3, "direction " + k + " too weak to test: " + analytic);
            double fd = (o.loss(spec, shift(p, u, h), x, key) - o.loss(spec, shift(p, u, -h), x, key)) / (2 * h);
            assertEquals(fd, analytic, 1e-6 * Math.max(1, Math.abs(fd)), "direction " + k);
        }
    }

    /** The mean of the per-example losses and gradients is the batch loss and gradient (to 1e-12). */
    static void assertPerExampleMeanIsTheBatch(Objective o, MlpSpec spec, Params p, Tensor x, Key key) {
        LossAndGrad batch = o.lossAndGrad(spec, p, x, key);
        PerExample per = o.perExample(spec, p, x, key);
        LossAndGrad mean = per.mean();
        assertEquals(x.dim(0), per.batchSize());
        assertEquals(batch.loss(), mean.loss(), 1e-12 * Math.max(1, Math.abs(batch.loss())));
        for (String name : p.names()) {
            assertClose(batch.grad().get(name).toDoubleArray(), mean.grad().get(name).toDoubleArray(), 1e-12);
        }
    }

    /** Same key: identical loss and gradient bits; another key: a different loss. */
    static void assertKeyDeterminesTheBits(Objective o, MlpSpec spec, Params p, Tensor x) {
        LossAndGrad a = o.lossAndGrad(spec, p, x, Key.of(5));
        LossAndGrad b = o.lossAndGrad(spec, p, x, Key.of(5));
        assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()));
        assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(o.loss(spec, p, x, Key.of(5))));
        assertTrue(a.grad().bitEquals(b.grad()));
        assertTrue(a.loss() != o.loss(spec, p, x, Key.of(6)), "another key must draw other randomness");
    }

    static double dot(Params a, Params b) {
        double s = 0;
        for (String name : a.names()) {
            Tensor x = a.get(name);
            Tensor y = b.get(name);
            for (int i = 0; i < x.size(); i++) {
                s += x.get(i) * y.get(i);
            }
        }
        return s;
    }

    static Params shift(Params p, Params v, double h) {
        return p.zip(v, (a, b) -> {
            double[] r = a.toDoubleArray();
            for (int i = 0; i < r.length; i++) {
                r[i] += h * b.get(i);
            }
            return Tensor.wrap(r, a.shape());
        });
    }

    static void assertClose(double[] expected, double[] actual, double rel) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * scale, "element " + i);
        }
    }
}
