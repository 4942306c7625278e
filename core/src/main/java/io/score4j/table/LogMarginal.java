package io.score4j.table;

import io.score4j.density.Normal;

/**
 * z = (log(x + c) − μ)/σ for a column of values ≥ 0 (kind {@code positive}): c = 0 when every value
 * is > 0, else half the smallest positive value (so zeros sit one step below it, not at −∞); μ and σ are
 * the mean and standard deviation of log(x + c) over the data (σ = 1 for a constant column). A parametric
 * alternative to the quantile transform: smooth everywhere, with a log-normal-like tail.
 *
 * @param shift c ≥ 0
 * @param mean  μ
 * @param std   σ > 0
 */
record LogMarginal(double shift, double mean, double std) implements Marginal {
    LogMarginal {
        if (!(shift >= 0 && Double.isFinite(shift) && Double.isFinite(mean) && std > 0 && Double.isFinite(std))) {
            throw new IllegalArgumentException("need shift >= 0, finite mean, std > 0; got " + shift + ", " + mean
                    + ", " + std);
        }
    }

    /** Fitted on the present values (ascending, all ≥ 0). */
    static LogMarginal fit(double[] sorted) {
        double shift = 0;
        if (sorted[0] <= 0) {
            for (double x : sorted) {
                if (x > 0) {
                    shift = x / 2;
                    break;
                }
            }
            shift = shift > 0 ? shift : 1.0;
        }
        double[] y = new double[sorted.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = StrictMath.log(sorted[i] + shift);
        }
        double[] ms = LogitMarginal.meanStd(y);
        return new LogMarginal(shift, ms[0], ms[1]);
    }

    @Override
    public double encode(double x, double u) {
        return (StrictMath.log(Math.max(x, 0) + shift) - mean) / std;
    }

    @Override
    public double decode(double z) {
        return StrictMath.exp(z * std + mean) - shift;
    }

    @Override
    public double fill(double u) {
        return Normal.quantile(Math.min(1 - EPS, Math.max(EPS, u)));
    }
}
