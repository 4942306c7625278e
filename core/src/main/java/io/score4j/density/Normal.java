package io.score4j.density;

/**
 * The standard normal distribution in double precision: density, log-density and CDF.
 *
 * <p>The CDF is Hart's (1968) algorithm 5666 as given by G. West, "Better approximations to
 * cumulative normal functions" (2005): absolute error about 1e-16 on the whole real line and no
 * cancellation in the lower tail (Φ(−x) is computed directly, not as 1 − Φ(x)); the relative error
 * of tiny tail probabilities is up to about 1e-8 (measured against erfc on [0, 37]).
 */
public final class Normal {
    /** log(2π). */
    public static final double LOG_2PI = StrictMath.log(2.0 * Math.PI);

    private Normal() {}

    /** φ(z) = exp(−z²/2) / √(2π). */
    public static double pdf(double z) {
        return StrictMath.exp(-0.5 * z * z) / Math.sqrt(2.0 * Math.PI);
    }

    /** log φ(z) = −z²/2 − ½ log 2π. */
    public static double logPdf(double z) {
        return -0.5 * z * z - 0.5 * LOG_2PI;
    }

    /** Φ(z) = P(Z ≤ z) for Z ~ N(0, 1); NaN for NaN. */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double a = Math.abs(z);
        double tail = a > 37.0 ? 0.0 : upperTail(a);
        return z > 0 ? 1.0 - tail : tail;
    }

    /** Q(a) = 1 − Φ(a) for 0 ≤ a ≤ 37. */
    private static double upperTail(double a) {
        double e = StrictMath.exp(-0.5 * a * a);
        if (a < 7.07106781186547) {
            double num = 3.52624965998911e-02 * a + 0.700383064443688;
            num = num * a + 6.37396220353165;
            num = num * a + 33.912866078383;
            num = num * a + 112.079291497871;
            num = num * a + 221.213596169931;
            num = num * a + 220.206867912376;
            double den = 8.83883476483184e-02 * a + 1.75566716318264;
            den = den * a + 16.064177579207;
            den = den * a + 86.7807322029461;
            den = den * a + 296.564248779674;
            den = den * a + 637.333633378831;
            den = den * a + 793.826512519948;
            den = den * a + 440.413735824752;
            return e * num / den;
        }
        double b = a + 0.65;
        b = a + 4.0 / b;
        b = a + 3.0 / b;
        b = a + 2.0 / b;
        b = a + 1.0 / b;
        return e / b / 2.506628274631;
    }
}
