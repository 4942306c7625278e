package io.score4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmaTest {
    private static Params scalar(double v) {
        return Params.of(Map.of("w", Tensor.of(new double[] {v}, 1)));
    }

    /** The warm-up d_n = min(decay, (1+n)/(10+n)) and the average, worked by hand for three SGD steps. */
    @Test
    void followsTheFormulaByHand() {
        Optimizer<ChainState> opt = Optimizers.chain(Optimizers.sgd(1.0), Optimizers.ema(0.2));
        Params p = scalar(1.0);
        ChainState s = opt.init(p);
        // grads 1, 2, 4 with lr 1: θ_1 = 0, θ_2 = −2, θ_3 = −6
        double[] grads = {1, 2, 4};
        for (double g : grads) {
            Update<ChainState> u = opt.update(scalar(g), s, p);
            p = Optimizers.applyUpdates(p, u.updates());
            s = u.state();
        }
        // d_1 = min(0.2, 2/11) = 2/11; ema_1 = 2/11·1 + 9/11·0 = 2/11
        // d_2 = min(0.2, 3/12) = 0.2;  ema_2 = 0.2·2/11 + 0.8·(−2) = 0.4/11 − 1.6
        // d_3 = min(0.2, 4/13) = 0.2;  ema_3 = 0.2·ema_2 + 0.8·(−6)
        double ema1 = 2.0 / 11;
        double ema2 = 0.2 * ema1 + 0.8 * -2;
        double ema3 = 0.2 * ema2 + 0.8 * -6;
        assertEquals(-6.0, p.get("w").get(0), 0.0);
        assertEquals(ema3, Optimizers.emaParams(s).get("w").get(0), 1e-15);
        assertEquals(3, ((EmaState) s.states().get(1)).count());
    }

    @Test
    void warmUpCapsTheDecay() {
        Ema ema = new Ema(0.999);
        assertEquals(2.0 / 11, ema.decayAt(1), 0.0);
        assertEquals(101.0 / 110, ema.decayAt(100), 0.0);
        assertEquals(0.999, ema.decayAt(100_000), 0.0);
    }

    /** Updates pass through untouched, F32 leaves are averaged in double and rounded once. */
    @Test
    void passesUpdatesThroughAndRoundsF32Once() {
        Ema ema = new Ema(0.5);
        Params p = Params.of(Map.of("w", Tensor.of(new double[] {0.1, 0.3}, 2).astype(DType.F32)));
        Params u = Params.of(Map.of("w", Tensor.of(new double[] {0.7, -0.2}, 2).astype(DType.F32)));
        Update<EmaState> r = ema.update(u, ema.init(p), p);
        assertSame(u, r.updates());
        double d = 2.0 / 11;
        float[] theta = Optimizers.applyUpdates(p, u).get("w").data32();
        float[] e0 = p.get("w").data32();
        float[] got = r.state().ema().get("w").data32();
        for (int i = 0; i < 2; i++) {
            assertEquals((float) (d * e0[i] + (1 - d) * theta[i]), got[i], 0f);
        }
    }

    @Test
    void stateRoundTripsAndChecks() {
        Ema ema = new Ema(0.9);
        Params p = scalar(2.5);
        EmaState s = ema.update(scalar(1), ema.init(p), p).state();
        EmaState back = ema.restoreState(ema.stateTensors(s), p);
        assertEquals(s.count(), back.count());
        assertArrayEquals(s.ema().get("w").data64(), back.ema().get("w").data64());
        assertThrows(IllegalArgumentException.class, () -> new Ema(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Ema(0));
        assertNull(Optimizers.emaParams(Optimizers.chain(Optimizers.sgd(1)).init(p)));
    }
}
