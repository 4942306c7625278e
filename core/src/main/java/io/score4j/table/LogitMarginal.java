package io.score4j.table;

import io.score4j.density.Normal;

/**
 * z = (logit((x − a)/(b − a)) − μ)/σ for a column of kind {@code bounded}: [a, b] is the data's
 * [min, max] widened by (max − min)/(2n) on each side, so the data's own ends map to finite z; μ, σ are
 * the mean and standard deviation of the logits over the data. Smooth on the whole line, and every z
 * decodes inside (a, b).
 *
 * @param from a
 * @param to   b > a
 * @param mean μ
 * @param std  σ > 0
 */
record LogitMarginal(double from, double to, double mean, double std) implements Marginal {
    LogitMarginal {
        if (!(Double.isFinite(from) && Double.isFinite(to) && to > from && Double.isFinite(mean) && std > 0
                && Double.isFinite(std))) {
            throw new IllegalArgumentException("need finite from < to, finite mean, std > 0; got " + from + ", " + to
                    + ", " + mean + ", " + std);
        }
    }

    /** Fitted on the present values (ascending, min < max). */
    static LogitMarginal fit(double[] sorted) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double margin = max / (2.0 * sorted.length) - min / (2.0 * sorted.length);   // no overflow for any range
        double a = Math.max(-Double.MAX_VALUE, min - margin);
        double b = Math.min(Double.MAX_VALUE, max + margin);
        double[] y = new double[sorted.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = logit(position(sorted[i], a, b));
        }
        double[] ms = meanStd(y);
        return new LogitMarginal(a, b, ms[0], ms[1]);
    }

    @Override
    public double encode(double x, double u) {
        return (logit(position(x, from, to)) - mean) / std;
    }

    @Override
    public double decode(double z) {
        double s = z * std + mean;
        double sig = s >= 0 ? 1 / (1 + StrictMath.exp(-s)) : StrictMath.exp(s) / (1 + StrictMath.exp(s));
        double x = from + (to - from) * sig;
        return Double.isFinite(x) ? x : (1 - sig) * from + sig * to;   // a range wider than Double.MAX_VALUE
    }

    @Override
    public double fill(double u) {
        return Normal.quantile(Math.min(1 - EPS, Math.max(EPS, u)));
    }

    /** (x − a)/(b − a), computed in halves so that a range wider than Double.MAX_VALUE does not overflow. */
    private static double position(double x, double a, double b) {
        return (0.5 * x - 0.5 * a) / (0.5 * b - 0.5 * a);
    }

    private static double logit(double t) {
        double c = Math.min(1 - EPS, Math.max(EPS, t));
        return StrictMath.log(c) - StrictMath.log1p(-c);
    }

    /** {mean, std} of y, std = 1 when y is constant. */
    static double[] meanStd(double[] y) {
        double mean = 0;
        for (double x : y) {
            mean += x;
        }
        mean /= y.length;
        double var = 0;
        for (double x : y) {
            var += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(var / y.length);
        return new double[] {mean, std > 0 && Double.isFinite(std) ? std : 1.0};
    }
}
