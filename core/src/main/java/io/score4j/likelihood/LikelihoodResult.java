package io.score4j.likelihood;

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
