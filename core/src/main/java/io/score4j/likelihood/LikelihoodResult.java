package io.score4j.likelihood;

import io.score4j.InputException;
import io.score4j.data.Csv;
import java.nio.file.Path;

/**
 * Per-row log-likelihoods from the probability-flow ODE.
 *
 * @param logp log p(x) of each row, nats, shape [n]
 * @param nfe  evaluations of the augmented ODE (each a score and a divergence) per row, shape [n]
 */
public record LikelihoodResult(double[] logp, int[] nfe) {
    public LikelihoodResult {
        if (logp.length != nfe.length) {
            throw new IllegalArgumentException("logp and nfe must have one entry per row, got " + logp.length + " and "
                    + nfe.length);
        }
        logp = logp.clone();
        nfe = nfe.clone();
    }

    @Override
    public double[] logp() {
        return logp.clone();
    }

    @Override
    public int[] nfe() {
        return nfe.clone();
    }

    /** Rows. */
    public int rows() {
        return logp.length;
    }

    /** The mean of logp over rows (NaN for none). */
    public double meanLogp() {
        double s = 0;
        for (double v : logp) {
            s += v;
        }
        return s / logp.length;
    }

    /** The mean number of function evaluations per row (NaN for none). */
    public double meanNfe() {
        double s = 0;
        for (int v : nfe) {
            s += v;
        }
        return s / nfe.length;
    }

    /**
     * Writes {@code out} (atomically) as {@code score4j logp} does: one row per input row, columns {@code logp},
     * {@code logp_exact} (only when {@code exact}, the closed-form log-likelihoods, is not null) and {@code nfe}.
     *
     * @param source names the input rows in the error
     * @throws InputException naming {@code source} and the first data row whose log-likelihood is not finite;
     *                        nothing is written then
     */
    public void writeCsv(Path out, double[] exact, String source) {
        int cols = exact != null ? 3 : 2;
        double[] rows = new double[rows() * cols];
        for (int i = 0; i < rows(); i++) {
            if (!Double.isFinite(logp[i]) || (exact != null && !Double.isFinite(exact[i]))) {
                throw new InputException(source + ": data row " + (i + 1) + ": its log-likelihood is not finite (the "
                        + "point is too far from the data); nothing was written");
            }
            rows[i * cols] = logp[i];
            if (exact != null) {
                rows[i * cols + 1] = exact[i];
            }
            rows[i * cols + cols - 1] = nfe[i];
        }
        String[] header = exact != null ? new String[] {"logp", "logp_exact", "nfe"} : new String[] {"logp", "nfe"};
        Csv.write(out, header, rows, cols);
    }

    /** The standard error of {@link #meanLogp}: the sample standard deviation of logp over √n (NaN below 2 rows). */
    public double standardError() {
        int n = logp.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = meanLogp();
        double ss = 0;
        for (double v : logp) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }
}
