package io.score4j.report;

import io.score4j.data.Dataset;
import io.score4j.density.GaussianMixture;
import io.score4j.train.ModelScores;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a report reads, loaded and cross-checked before anything is written.
 *
 * @param modelFile  the model's path, as given
 * @param model      the trained model
 * @param data       the reference data, in original units, D = model.dim() columns
 * @param dataSource how the data were given, e.g. {@code toy:ring8 n=20000} or {@code csv:real.csv}
 * @param mixture    the exact density behind the data (--mixture, ring8, grid25), or {@code null}
 */
record ReportInputs(Path modelFile, ScoreModel model, Dataset data, String dataSource, GaussianMixture mixture) {
    ReportInputs {
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dataSource, "dataSource");
        if (data.d() != model.dim()) {
            throw new IllegalArgumentException("data has d=" + data.d() + " but the model has dim " + model.dim());
        }
        if (mixture != null && mixture.dim() != model.dim()) {
            throw new IllegalArgumentException("mixture has D=" + mixture.dim() + " but the model has dim " + model.dim());
        }
        if (data.n() < 2) {
            throw new IllegalArgumentException("data needs at least 2 rows, got " + data.n());
        }
    }

    /** Data dimension D. */
    int dim() {
        return model.dim();
    }

    /** Whether the exact density of the data is known. */
    boolean mixtureKnown() {
        return mixture != null;
    }

    /**
     * The learned score at {@code points} (flat [n, D], original units) in original units: at noise
     * level {@code sigma} for a noise-conditional model (its smallest σ when {@code null}); a plain
     * model has no σ input, so {@code sigma} must be {@code null} for it.
     */
    double[] learned(double[] points, Double sigma) {
        return ModelScores.inOriginalUnits(model, points, sigma);
    }

    /**
     * The learned score of a time-conditioned (dsm) model at {@code points} (flat [n, D], original units) at
     * time {@code t}, in original units: s(x, t) = net([z, e(t)])/σ(t) on standardised z, mapped back.
     */
    double[] learnedAt(double[] points, double t) {
        int d = model.dim();
        int n = points.length / d;
        double[] std = model.standardizer().apply(points);
        float[] z = new float[n * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) std[i];
        }
        float[] sz = new float[n * d];
        double[] times = new double[n];
        java.util.Arrays.fill(times, t);
        model.network().timeConditional().score(z, times, 0, n, d, sz);
        double[] s = new double[sz.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = sz[i];
        }
        return model.standardizer().scoreToOriginal(s);
    }

    /**
     * Times a report shows a time-conditioned model's score at: where σ(t), the SDE's noise in standardised
     * units (the data's std is 1), reaches each of {@link #SHOWN_NOISE} (by bisection on [ε, 1]; a level the SDE
     * never reaches gives t = 1, and repeats are dropped); empty for another model. Not t = ε: there the score
     * of data blurred by σ(ε) ≈ 0.003 is hundreds of times the data's scale and shows nothing but its largest
     * arrow.
     */
    double[] shownTimes() {
        if (!model.timeConditional()) {
            return new double[0];
        }
        io.score4j.noise.Sde sde = model.sde().orElseThrow();
        double eps = model.training().map(s -> s.options().eps()).orElse(io.score4j.noise.Sde.DEFAULT_EPS);
        return java.util.Arrays.stream(SHOWN_NOISE).map(target -> timeOfNoise(sde, eps, target)).distinct().toArray();
    }

    /** σ(t) levels, in standardised units, at which {@link #shownTimes()} puts the score figures. */
    static final double[] SHOWN_NOISE = {0.1, 0.3, 0.7};

    /** The smallest t in [eps, 1] with σ(t) ≥ target (σ increases with t), to 1e-4, rounded to 3 significant digits. */
    private static double timeOfNoise(io.score4j.noise.Sde sde, double eps, double target) {
        double lo = eps;
        double hi = io.score4j.noise.Sde.T;
        if (sde.marginalStd(hi) <= target) {
            return hi;
        }
        for (int i = 0; i < 60 && hi - lo > 1e-6; i++) {
            double mid = 0.5 * (lo + hi);
            if (sde.marginalStd(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(eps, Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", hi)));
    }

    /**
     * The exact density of the data diffused to time {@code t} by the model's SDE, in original units: in
     * standardised units z_t = m(t)·z + σ(t)·ε, so a component N(μ, diag s²) becomes
     * N(mean + m(t)(μ − mean), diag(m(t)²s² + σ(t)²std²)).
     */
    GaussianMixture truthAt(double t) {
        if (mixture == null) {
            throw new IllegalStateException("the data's mixture is not known");
        }
        io.score4j.noise.Sde sde = model.sde().orElseThrow();
        double m = sde.meanCoefficient(t);
        double sigma = sde.marginalStd(t);
        double[] mean = model.standardizer().mean();
        double[] std = model.standardizer().std();
        double[][] means = mixture.means();
        double[][] stds = mixture.stds();
        for (int k = 0; k < means.length; k++) {
            for (int j = 0; j < means[k].length; j++) {
                means[k][j] = mean[j] + m * (means[k][j] - mean[j]);
                stds[k][j] = Math.hypot(m * stds[k][j], sigma * std[j]);
            }
        }
        return new GaussianMixture(mixture.weights(), means, stds);
    }

    /** "t = 0.0149 (σ(t) = 0.1 in standardised units)" for a time the report shows. */
    String timeLabel(double t) {
        return "t = " + HtmlReport.format(t) + " (σ(t) = " + HtmlReport.format(Double.parseDouble(String.format(
                java.util.Locale.ROOT, "%.2g", model.sde().orElseThrow().marginalStd(t)))) + " in standardised units)";
    }

    /** The smallest σ of a noise-conditional model's ladder, {@code null} for a plain model. */
    Double smallestSigma() {
        double[] s = model.sigmas();
        return s.length == 0 ? null : s[s.length - 1];
    }

    /**
     * Ladder levels a report shows for a noise-conditional model: the largest, the middle and the
     * smallest σ (fewer when the ladder is shorter); empty for a plain model.
     */
    int[] shownLevels() {
        int l = model.sigmas().length;
        return l == 0 ? new int[0] : java.util.stream.IntStream.of(0, (l - 1) / 2, l - 1).distinct().toArray();
    }

    /**
     * The exact density of the data perturbed by the model's noise level {@code sigma}, in original
     * units: the model works in standardised units z = (x − mean)/std, so its σ is σ·std_j along
     * column j (just {@code mixture.convolved(σ)} for an unstandardised model); the clean mixture for
     * {@code sigma == null}.
     */
    GaussianMixture truth(Double sigma) {
        if (mixture == null) {
            throw new IllegalStateException("the data's mixture is not known");
        }
        if (sigma == null) {
            return mixture;
        }
        double[] std = model.standardizer().std();
        boolean unit = true;
        for (double s : std) {
            unit &= s == 1.0;
        }
        if (unit) {
            return mixture.convolved(sigma);
        }
        double[][] stds = mixture.stds();
        for (double[] row : stds) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.hypot(row[j], sigma * std[j]);
            }
        }
        return new GaussianMixture(mixture.weights(), mixture.means(), stds);
    }
}
