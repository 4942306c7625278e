package io.score4j.comparison;

import io.score4j.data.Dataset;
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
 * The comparison suite: how close samples are to a reference (rows of data or a known Gaussian
 * mixture). One call computes per-column moments and KS distance, MMD² (Gaussian kernel, unbiased),
 * energy distance, sliced W₁, the correlation difference (d ≥ 2), the mass per mixture mode
 * (mixture reference) and, in one dimension, exact W₁ and the fraction above 0.
 *
 * <pre>{@code
 * ComparisonResult r = Comparison.compare(samples, Reference.rows(data), ComparisonSettings.defaults(0));
 * for (Metric m : r.metrics()) System.out.println(m.key() + " " + m.value() + " " + m.units().text());
 * }</pre>
 *
 * <p>Sample rows with a NaN or infinite entry are counted and left out of every metric. Every
 * random choice derives from {@code root = Key.of(settings.seed()).fold(}{@value #STREAM}{@code )}
 * (a stream of its own, so it never repeats the keys a command drew its data or samples with):
 * {@code root.child(0)} draws from a mixture reference, {@code child(1)} subsamples for MMD² and
 * picks the bandwidth points, {@code child(2)} subsamples for energy distance, {@code child(3)}
 * picks the sliced-W₁ directions. The result depends only on the inputs and the settings.
 */
public final class Comparison {
    /** Fewest finite rows on either side: MMD's unbiased estimate and a standard deviation need two. */
    public static final int MIN_ROWS = 2;
    /** The fold-in constant of the suite's key stream. */
    public static final long STREAM = 0x636F6D70617265L;

    private Comparison() {}

    /**
     * Compares {@code samples} (shape [n, d], non-finite rows allowed and dropped, at least
     * {@value #MIN_ROWS} finite) with {@code reference} (dimension d). Columns are compared by
     * position and named after the samples'. Nothing is modified.
     *
     * @throws IllegalArgumentException if the dimensions differ or fewer than {@value #MIN_ROWS} sample rows are finite
     */
    public static ComparisonResult compare(Dataset samples, Reference reference, ComparisonSettings settings) {
        if (samples == null || reference == null || settings == null) {
            throw new IllegalArgumentException("compare needs samples, a reference and settings");
        }
        int d = samples.d();
        if (reference.d() != d) {
            throw new IllegalArgumentException("samples have d=" + d + " but the reference has d=" + reference.d());
        }
        double[] x = ColumnStats.finiteRows(samples.values(), d);
        int n = x.length / d;
        if (n < MIN_ROWS) {
            throw new IllegalArgumentException("samples need at least " + MIN_ROWS + " finite rows, got " + n + " of "
                    + samples.n());
        }
        Key[] keys = Key.of(settings.seed()).fold(STREAM).split(4);
        double[] ref = reference instanceof Reference.Mixture m
                ? MixtureData.sampleIid(m.mixture(), settings.mixtureDraws(), keys[0]).values()
                : ((Reference.Rows) reference).data().values();
        double h = settings.bandwidth() instanceof Bandwidth.Fixed f ? f.h()
                : Mmd.medianBandwidth(x, ref, d, ((Bandwidth.Median) settings.bandwidth()).points(), keys[1].child(2));
        ComparisonResult.Distances distances = new ComparisonResult.Distances(
                Mmd.mmd2(x, ref, d, h, settings.subsample(), keys[1]), h,
                EnergyDistance.energy(x, ref, d, settings.subsample(), keys[2]),
                Wasserstein.sliced(x, ref, d, settings.projections(), keys[3]));
        ComparisonResult.Counts counts = new ComparisonResult.Counts(samples.n(), n,
                reference instanceof Reference.Mixture, ref.length / d);
        return new ComparisonResult(settings, counts, columns(x, samples.columns(), reference, settings.ksAlpha()),
                distances, d >= 2 ? correlation(x, d, reference) : null, modes(x, reference),
                d == 1 ? oneD(x, reference) : null);
    }

    private static List<ComparisonResult.Column> columns(double[] x, String[] names, Reference reference, double alpha) {
        int d = names.length;
        int n = x.length / d;
        double[] means = ColumnStats.means(x, d);
        double[] stds = ColumnStats.stds(x, d);
        List<ComparisonResult.Column> out = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] col = column(x, d, j);
            if (reference instanceof Reference.Mixture m) {
                GaussianMixture mix = m.mixture();
                out.add(new ComparisonResult.Column(names[j], means[j], stds[j], mix.mixtureMean()[j],
                        Math.sqrt(mix.mixtureVariance()[j]), KolmogorovSmirnov.distance(col, mix.marginal(j)::cdf),
                        KolmogorovSmirnov.critical(n, alpha)));
            } else {
                Dataset r = ((Reference.Rows) reference).data();
                double[] refCol = r.column(j);
                out.add(new ComparisonResult.Column(names[j], means[j], stds[j], ColumnStats.means(refCol, 1)[0],
                        ColumnStats.stds(refCol, 1)[0], KolmogorovSmirnov.twoSample(col, refCol),
                        KolmogorovSmirnov.criticalTwoSample(n, r.n(), alpha)));
            }
        }
        return out;
    }

    private static ComparisonResult.Correlation correlation(double[] x, int d, Reference reference) {
        double[] rs = ColumnStats.correlation(x, d);
        double[] rr = reference instanceof Reference.Mixture m ? mixtureCorrelation(m.mixture())
                : ColumnStats.correlation(((Reference.Rows) reference).data().values(), d);
        double sq = 0.0;
        double max = 0.0;
        for (int i = 0; i < rs.length; i++) {
            double diff = Math.abs(rs[i] - rr[i]);
            sq += diff * diff;
            max = Math.max(max, diff);
        }
        return new ComparisonResult.Correlation(rs, rr, Math.sqrt(sq), max);
    }

    /**
     * Exact correlation of a mixture of axis-aligned Gaussians, flat [d, d]: with m = Σ_c w_c μ_c,
     * Cov_jk = Σ_c w_c (μ_cj μ_ck + δ_jk σ_cj²) − m_j m_k, and R_jk = Cov_jk / √(Cov_jj Cov_kk).
     */
    public static double[] mixtureCorrelation(GaussianMixture mix) {
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

    private static List<ComparisonResult.Mode> modes(double[] x, Reference reference) {
        if (!(reference instanceof Reference.Mixture m)) {
            return List.of();
        }
        GaussianMixture mix = m.mixture();
        double[] mass = ModeMass.perComponent(x, mix);
        int n = x.length / mix.dim();
        List<ComparisonResult.Mode> out = new ArrayList<>();
        for (int c = 0; c < mass.length; c++) {
            double w = mix.weight(c);
            out.add(new ComparisonResult.Mode(c, w, mass[c], Math.sqrt(w * (1.0 - w) / n)));
        }
        return out;
    }

    private static ComparisonResult.OneD oneD(double[] x, Reference reference) {
        if (reference instanceof Reference.Mixture m) {
            return new ComparisonResult.OneD(Wasserstein.w1ToCdf(x, m.mixture()::cdf), ModeMass.fractionPositive(x),
                    1.0 - m.mixture().cdf(0.0));
        }
        double[] ref = ((Reference.Rows) reference).data().values();
        return new ComparisonResult.OneD(Wasserstein.w1(x, ref), ModeMass.fractionPositive(x),
                ModeMass.fractionPositive(ref));
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
