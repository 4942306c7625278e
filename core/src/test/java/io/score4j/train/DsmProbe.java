package io.score4j.train;

import io.score4j.data.ToySet;
import io.score4j.density.GaussianMixture;
import io.score4j.noise.Sde;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.TimeScoreFn;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A measurement, not a test: a dsm model of ring8 (trained unstandardised) against the exact perturbed score on
 * fresh draws. Prints, per band of t, the dsm loss ½‖σ s + z‖² of the EMA network, of the raw network and of
 * the true score (the floor), and the weighted Fisher gap ½ E σ²‖s − s*‖² of both networks.
 * Usage: java -cp score4j.jar:core/target/test-classes io.score4j.train.DsmProbe MODEL [n]
 */
public final class DsmProbe {
    private DsmProbe() {}

    public static void main(String[] args) {
        ScoreModel m = ScoreModel.load(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Sde sde = m.sde().orElseThrow();
        GaussianMixture mix = ToySet.RING8.mixture().orElseThrow();
        double[] x0 = ToySet.RING8.sample(n, Key.of(12345)).values();
        Key key = Key.of(777);
        double eps = Sde.DEFAULT_EPS;
        double[] edges = {0, 0.02, 0.1, 0.3, 0.6, 1.0001};
        float[] xt = new float[n * 2];
        double[] t = new double[n];
        double[] z = new double[n * 2];
        for (int i = 0; i < n; i++) {
            t[i] = eps + (1 - eps) * key.child(1).uniform(i);
            for (int j = 0; j < 2; j++) {
                z[i * 2 + j] = Draw.normalAt(key.child(0).child(i), j);
                xt[i * 2 + j] = (float) (sde.meanCoefficient(t[i]) * x0[i * 2 + j] + sde.marginalStd(t[i]) * z[i * 2 + j]);
            }
        }
        float[][] s = new float[3][n * 2];
        m.network().timeConditional().score(xt, t, 0, n, 2, s[0]);
        m.rawNetwork().timeConditional().score(xt, t, 0, n, 2, s[1]);
        TimeScoreFn.of(mix, sde).score(xt, t, 0, n, 2, s[2]);
        System.out.println("band         n   loss_ema  loss_raw  loss_true  fisher_ema fisher_raw");
        for (int b = 0; b + 1 < edges.length; b++) {
            double[] loss = new double[3];
            double[] fisher = new double[2];
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (t[i] < edges[b] || t[i] >= edges[b + 1]) {
                    continue;
                }
                c++;
                double sig = sde.marginalStd(t[i]);
                for (int j = 0; j < 2; j++) {
                    for (int k = 0; k < 3; k++) {
                        double r = sig * s[k][i * 2 + j] + z[i * 2 + j];
                        loss[k] += 0.5 * r * r;
                    }
                    for (int k = 0; k < 2; k++) {
                        double e = sig * (s[k][i * 2 + j] - s[2][i * 2 + j]);
                        fisher[k] += 0.5 * e * e;
                    }
                }
            }
            System.out.println(String.format(Locale.ROOT, "[%.2f,%.2f) %6d  %8.4f  %8.4f  %8.4f   %8.5f   %8.5f", edges[b],
                    Math.min(1, edges[b + 1]), c, loss[0] / c, loss[1] / c, loss[2] / c, fisher[0] / c, fisher[1] / c));
        }
    }
}
