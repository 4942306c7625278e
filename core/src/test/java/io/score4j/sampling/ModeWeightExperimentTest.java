package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ModeMass;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

/**
 * The mode-weight experiment of docs/examples/mode-weights.md with the exact score:
 * p = 0.8·N((5,5), I) + 0.2·N((−5,−5), I), 4000 particles from U[−8,8]².
 * Plain Langevin (ε = 0.1, 1000 steps) cannot cross the gap between the modes, so it keeps roughly the
 * share of starting points in each basin (≈ 0.5); annealed Langevin (10 geometric σ from 20 to 1,
 * 100 steps each, ε = 0.1) recovers the weights. With 4000 particles the binomial SE of a mass near
 * 0.8 is √(0.8·0.2/4000) ≈ 0.0063, so the ±0.05 band is ~8 SE wide.
 */
class ModeWeightExperimentTest {
    static final GaussianMixture MODES = new GaussianMixture(new double[] {0.8, 0.2},
            new double[][] {{5, 5}, {-5, -5}}, new double[][] {{1, 1}, {1, 1}});
    static final int N = 4000;

    static float[] start(Key key) {
        return Draw.uniform(key, N * 2, -8, 8);
    }

    static double heavyMass(float[] samples) {
        double[] d = new double[samples.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = samples[i];
        }
        return ModeMass.perComponent(d, MODES)[0];
    }

    @Test
    void annealedRecoversTheWeightsAndPlainLangevinDoesNot() {
        Key key = Key.of(2026);
        float[] plain = Langevin.sample(ScoreFn.of(MODES), start(key.child(0)), 2, LangevinConfig.of(0.1, 1000),
                key.child(1)).samples().data32();
        AnnealedLangevinConfig cfg = new AnnealedLangevinConfig(NoiseLadder.geometric(20, 1, 10), 0.1, 100, 0,
                Parallelism.available());
        float[] annealed = AnnealedLangevin.sample(NoiseConditionalScoreFn.of(MODES::convolved), start(key.child(0)), 2,
                cfg, key.child(2)).samples().data32();
        double plainMass = heavyMass(plain);
        double annealedMass = heavyMass(annealed);
        assertEquals(0.80, annealedMass, 0.05, "annealed Langevin heavy-mode mass");
        assertTrue(plainMass < 0.65, "plain Langevin heavy-mode mass " + plainMass + " (it cannot cross between modes)");
    }
}
