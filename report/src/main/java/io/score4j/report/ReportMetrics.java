package io.score4j.report;

import io.score4j.comparison.Comparison;
import io.score4j.comparison.ComparisonResult;
import io.score4j.comparison.ComparisonSettings;
import io.score4j.comparison.Reference;
import io.score4j.data.Dataset;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ModeMass;
import io.score4j.metrics.ScoreMetrics;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's numbers. Between samples and data: {@link Comparison} with
 * {@link ComparisonSettings#defaults(long)} at the report's seed, exactly as {@code score4j eval}
 * computes them (MMD² with a median-heuristic bandwidth on ≤ 2000 rows per side, energy distance on
 * ≤ 2000 rows per side, sliced W₁ over 64 directions, and per-column KS and correlation). When the
 * data's mixture is known: the Fisher divergence ½·mean‖s − s*‖² of the learned score on up to
 * 20 000 data points (for a noise-conditional model at each shown σ, on data points perturbed by that σ, against the σ-perturbed mixture; the headline
 * value is the smallest σ's), and the mass per mode (fraction of points nearest each component
 * mean) of samples and data against the weights, summarised as total variation ½Σ|m_k − w_k|.
 */
public final class ReportMetrics {
    /** Random directions of the sliced Wasserstein distance. */
    static final int SLICED_PROJECTIONS = ComparisonSettings.DEFAULT_PROJECTIONS;
    /** Most data points the Fisher divergence is averaged over. */
    static final int FISHER_POINTS = 20_000;
    /** Every key of {@link Result#values()}, in order; a value is {@code null} where it does not apply. */
    static final List<String> KEYS = List.of("n_data", "n_samples", "non_finite_samples", "mmd2", "mmd_bandwidth",
            "mmd_subsample", "energy_distance", "sliced_wasserstein", "fisher_divergence", "mode_mass_tv",
            "data_mode_mass_tv");
    /** The keys of {@link #KEYS} that are counts (whole numbers). */
    static final List<String> COUNTS = List.of("n_data", "n_samples", "non_finite_samples", "mmd_subsample");

    private ReportMetrics() {}

    /**
     * The Fisher divergence at one level of a noise-conditional model's ladder.
     *
     * @param level index in the ladder, 0 = largest σ
     * @param sigma σ of that level (model units)
     * @param value ½·mean‖s(x, σ) − ∇ log p_σ(x)‖² over data points perturbed by σ
     */
    public record SigmaFisher(int level, double sigma, double value) {
        public SigmaFisher {
            if (level < 0 || !(sigma > 0)) {
                throw new IllegalArgumentException("level must be >= 0 and sigma > 0, got " + level + ", " + sigma);
            }
        }
    }

    /**
     * Mass per mode: the fraction of points nearest each component mean.
     *
     * @param weights the mixture weights w_k
     * @param samples the samples' fractions
     * @param data    the data's fractions (how close a finite sample of the truth gets)
     */
    record ModeMasses(double[] weights, double[] samples, double[] data) {
        ModeMasses {
            if (weights.length != samples.length || weights.length != data.length) {
                throw new IllegalArgumentException("mode masses need equal lengths, got " + weights.length + ", "
                        + samples.length + ", " + data.length);
            }
            weights = weights.clone();
            samples = samples.clone();
            data = data.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public double[] samples() {
            return samples.clone();
        }

        @Override
        public double[] data() {
            return data.clone();
        }
    }

    /**
     * Everything computed.
     *
     * @param values   every key of {@link #KEYS}, {@code null} where it does not apply
     * @param modes    mass per mode, {@code null} when the mixture is unknown
     * @param bySigma  Fisher divergence per shown σ (noise-conditional model and known mixture), else empty
     * @param comparison samples against data, the suite {@code eval} runs (metrics with units and meanings)
     */
    record Result(Map<String, Double> values, ModeMasses modes, List<SigmaFisher> bySigma,
                  ComparisonResult comparison) {
        Result {
            if (!values.keySet().equals(new java.util.HashSet<>(KEYS))) {
                throw new IllegalArgumentException("metric keys must be " + KEYS + ", got " + values.keySet());
            }
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            bySigma = List.copyOf(bySigma);
        }
    }

    /**
     * Computes every metric: the comparison from {@code seed} (as {@code eval --seed} does), the
     * Fisher divergence's points and noise from {@code key}.
     */
    static Result compute(ReportInputs in, ReportSamples s, Key key, long seed) {
        int d = in.dim();
        double[] data = in.data().values();
        double[] samples = s.points();
        Map<String, Double> v = new LinkedHashMap<>();
        KEYS.forEach(k -> v.put(k, null));
        v.put("n_data", (double) in.data().n());
        v.put("n_samples", (double) s.n());
        v.put("non_finite_samples", (double) s.nonFinite());
        ComparisonResult cmp = Comparison.compare(new Dataset(in.data().columns(), s.n(), d, samples),
                Reference.rows(in.data()), ComparisonSettings.defaults(seed));
        v.put("mmd2", cmp.distances().mmd2());
        v.put("mmd_bandwidth", cmp.distances().bandwidth());
        v.put("mmd_subsample", (double) cmp.settings().subsample());
        v.put("energy_distance", cmp.distances().energy());
        v.put("sliced_wasserstein", cmp.distances().sliced());
        if (!in.mixtureKnown()) {
            return new Result(v, null, List.of(), cmp);
        }
        double[] points = subsample(data, d, FISHER_POINTS, key.child(3));
        List<SigmaFisher> bySigma = new ArrayList<>();
        if (in.model().noiseConditional()) {
            for (int level : in.shownLevels()) {
                bySigma.add(fisherAt(in, points, level, key.child(4).child(level)));
            }
            v.put("fisher_divergence", bySigma.get(bySigma.size() - 1).value());
        } else {
            v.put("fisher_divergence", ScoreMetrics.fisherDivergence(points, in.learned(points, null), in.truth(null)));
        }
        ModeMasses modes = new ModeMasses(in.mixture().weights(), ModeMass.perComponent(samples, in.mixture()),
                ModeMass.perComponent(data, in.mixture()));
        v.put("mode_mass_tv", totalVariation(modes.samples(), modes.weights()));
        v.put("data_mode_mass_tv", totalVariation(modes.data(), modes.weights()));
        return new Result(v, modes, bySigma, cmp);
    }

    /** Fisher divergence at ladder level {@code level}, on {@code points} plus σ-noise (σ·std_j per column). */
    private static SigmaFisher fisherAt(ReportInputs in, double[] points, int level, Key key) {
        double sigma = in.model().sigmas()[level];
        double[] std = in.model().standardizer().std();
        double[] z = Draw.normalDouble(key, points.length);
        double[] noisy = new double[points.length];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = points[i] + sigma * std[i % std.length] * z[i];
        }
        GaussianMixture truth = in.truth(sigma);
        return new SigmaFisher(level, sigma, ScoreMetrics.fisherDivergence(noisy, in.learned(noisy, sigma), truth));
    }

    /** ½ Σ_k |m_k − w_k|. */
    static double totalVariation(double[] mass, double[] weights) {
        if (mass.length != weights.length) {
            throw new IllegalArgumentException("masses and weights differ in length: " + mass.length + " vs "
                    + weights.length);
        }
        double tv = 0;
        for (int k = 0; k < weights.length; k++) {
            tv += Math.abs(mass[k] - weights[k]);
        }
        return 0.5 * tv;
    }

    /** All rows if there are at most {@code cap}, else {@code cap} rows drawn without replacement. */
    static double[] subsample(double[] values, int d, int cap, Key key) {
        int n = values.length / d;
        if (n <= cap) {
            return values;
        }
        int[] idx = Draw.choice(key, n, cap);
        double[] out = new double[cap * d];
        for (int r = 0; r < cap; r++) {
            System.arraycopy(values, idx[r] * d, out, r * d, d);
        }
        return out;
    }
}
