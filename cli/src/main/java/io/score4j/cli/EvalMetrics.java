package io.score4j.cli;

import io.score4j.data.MixtureData;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ColumnStats;
import io.score4j.metrics.EnergyDistance;
import io.score4j.metrics.KolmogorovSmirnov;
import io.score4j.metrics.Mmd;
import io.score4j.metrics.ModeMass;
import io.score4j.metrics.Wasserstein;
import io.score4j.random.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the {@code score4j eval} metrics. Random choices (subsampling for MMD and energy
 * distance, the bandwidth points, the sliced-W directions, and the fresh mixture draws) use
 * {@code Key.of(seed).split(4)}: key 0 draws from the mixture, 1 MMD, 2 energy, 3 sliced W₁.
 */
final class EvalMetrics {
    /**
     * Fresh i.i.d. draws standing in for a mixture in MMD, energy distance and sliced W₁. MMD and
     * energy use at most {@value Mmd#DEFAULT_CAP} of them; sliced W₁ uses all, so the draws add
     * about 1/√{@value} relative noise to its estimate, below that of the samples themselves.
     */
    static final int MIXTURE_DRAWS = 10_000;

    private EvalMetrics() {}

    /** All metrics of {@code in} with {@code projections} sliced-W directions. */
    static EvalResult compute(EvalInputs in, long seed, int projections) {
        Key[] keys = Key.of(seed).split(4);
        int d = in.d();
        double[] ref = referenceRows(in.reference(), keys[0]);
        int refRows = ref.length / d;
        double bandwidth = Mmd.medianBandwidth(in.samples(), ref, d, keys[1].child(2));
        EvalResult.Distances distances = new EvalResult.Distances(
                Mmd.mmd2(in.samples(), ref, d, bandwidth, Mmd.DEFAULT_CAP, keys[1]),
                bandwidth,
                EnergyDistance.energy(in.samples(), ref, d, keys[2]),
                Wasserstein.sliced(in.samples(), ref, d, projections, keys[3]),
                projections);
        EvalResult.Side samples = new EvalResult.Side("samples", in.samplesFile(), in.samplesRows(), in.finiteRows());
        EvalResult.Side reference = new EvalResult.Side(in.reference().kind(), in.reference().file(), refRows, refRows);
        return new EvalResult(samples, reference, seed, columns(in), distances,
                d >= 2 ? correlation(in) : null, modes(in), d == 1 ? oneD(in) : null);
    }

    /** The reference's rows, or {@value #MIXTURE_DRAWS} fresh draws from its mixture. */
    private static double[] referenceRows(EvalReference reference, Key key) {
        if (reference instanceof EvalReference.Mixture m) {
            return MixtureData.sampleIid(m.mixture(), MIXTURE_DRAWS, key).values();
        }
        return ((EvalReference.Rows) reference).values();
    }

    private static List<EvalResult.Column> columns(EvalInputs in) {
        int d = in.d();
        int n = in.finiteRows();
        double[] means = ColumnStats.means(in.samples(), d);
        double[] stds = ColumnStats.stds(in.samples(), d);
        List<EvalResult.Column> out = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] col = column(in.samples(), d, j);
            String name = in.columns()[j];
            if (in.reference() instanceof EvalReference.Mixture m) {
                GaussianMixture mix = m.mixture();
                out.add(new EvalResult.Column(name, means[j], stds[j], mix.mixtureMean()[j],
                        Math.sqrt(mix.mixtureVariance()[j]), KolmogorovSmirnov.distance(col, mix.marginal(j)::cdf),
                        KolmogorovSmirnov.critical(n, EvalResult.KS_ALPHA)));
            } else {
                EvalReference.Rows r = (EvalReference.Rows) in.reference();
                double[] refCol = column(r.values(), d, j);
                out.add(new EvalResult.Column(name, means[j], stds[j], ColumnStats.means(refCol, 1)[0],
                        ColumnStats.stds(refCol, 1)[0], KolmogorovSmirnov.twoSample(col, refCol),
                        KolmogorovSmirnov.criticalTwoSample(n, r.n(), EvalResult.KS_ALPHA)));
            }
        }
        return out;
    }

    private static EvalResult.Correlation correlation(EvalInputs in) {
        int d = in.d();
        double[] rs = ColumnStats.correlation(in.samples(), d);
        double[] rr = in.reference() instanceof EvalReference.Mixture m ? mixtureCorrelation(m.mixture())
                : ColumnStats.correlation(((EvalReference.Rows) in.reference()).values(), d);
        double sq = 0.0;
        double max = 0.0;
        for (int i = 0; i < rs.length; i++) {
            double diff = Math.abs(rs[i] - rr[i]);
            sq += diff * diff;
            max = Math.max(max, diff);
        }
        return new EvalResult.Correlation(rs, rr, Math.sqrt(sq), max);
    }

    /**
     * Exact correlation of a mixture of axis-aligned Gaussians: with m = Σ_c w_c μ_c,
     * Cov_jk = Σ_c w_c (μ_cj μ_ck + δ_jk σ_cj²) − m_j m_k, and R_jk = Cov_jk / √(Cov_jj Cov_kk).
     */
    static double[] mixtureCorrelation(GaussianMixture mix) {
        int d = mix.dim();
        double[] m = mix.mixtureMean();
        double[] cov = new double[d * d];
        for (int c = 0; c < mix.components(); c++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    double second = mix.mean(c, j) * mix.mean(c, k) + (j == k ? mix.std(c, j) * mix.std(c, j) : 0.0);
                    cov[j * d + k] += mix.weight(c) * second;
                }
            }
        }
        double[] r = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                double cjk = cov[j * d + k] - m[j] * m[k];
                double cjj = cov[j * d + j] - m[j] * m[j];
                double ckk = cov[k * d + k] - m[k] * m[k];
                r[j * d + k] = j == k ? 1.0 : cjk / Math.sqrt(cjj * ckk);
            }
        }
        return r;
    }

    private static List<EvalResult.Mode> modes(EvalInputs in) {
        if (!(in.reference() instanceof EvalReference.Mixture m)) {
            return List.of();
        }
        GaussianMixture mix = m.mixture();
        double[] mass = ModeMass.perComponent(in.samples(), mix);
        int n = in.finiteRows();
        List<EvalResult.Mode> out = new ArrayList<>();
        for (int c = 0; c < mass.length; c++) {
            double w = mix.weight(c);
            out.add(new EvalResult.Mode(c, w, mass[c], Math.sqrt(w * (1.0 - w) / n)));
        }
        return out;
    }

    private static EvalResult.OneD oneD(EvalInputs in) {
        double[] x = in.samples();
        if (in.reference() instanceof EvalReference.Mixture m) {
            return new EvalResult.OneD(Wasserstein.w1ToCdf(x, m.mixture()::cdf), ModeMass.fractionPositive(x),
                    1.0 - m.mixture().cdf(0.0));
        }
        double[] ref = ((EvalReference.Rows) in.reference()).values();
        return new EvalResult.OneD(Wasserstein.w1(x, ref), ModeMass.fractionPositive(x), ModeMass.fractionPositive(ref));
    }

    private static double[] column(double[] v, int d, int j) {
        int n = v.length / d;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = v[i * d + j];
        }
        return c;
    }
}
