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
