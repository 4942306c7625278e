package io.score4j.density;

import io.score4j.InputException;
import java.util.Arrays;

/**
 * A mixture of K axis-aligned Gaussians on R^D:
 * <pre>
 *   p(x) = Σ_k w_k N(x; μ_k, diag(σ_k²))
 * </pre>
 * with weights {@code w} (shape [K]), means {@code μ} (shape [K][D]) and per-dimension standard
 * deviations {@code σ} (shape [K][D]).
 *
 * <p>Record-like and immutable: the constructor copies its arrays and the accessors return copies;
 * {@link #equals}, {@link #hashCode} and {@link #toString} use the contents. (A final class rather
 * than a record only so it can cache log-weights and inverse variances.)
 *
 * <p>Validation: every violation is an {@link InputException} with one line naming the field,
 * because mixtures usually come from a user's JSON file. Weights must be finite, ≥ 0 and sum to 1
 * within {@value #WEIGHT_SUM_TOLERANCE}; they are never renormalised silently. A weight of 0 is
 * allowed (that component then never contributes).
 *
 * <p>{@link #logDensity} is normalised (integrates to 1) and computed with log-sum-exp, so it stays
 * finite far in the tails; {@link #score} is the exact gradient
 * <pre>
 *   ∇ₓ log p(x) = Σ_k r_k(x) · (−(x − μ_k) / σ_k²),   r_k(x) = w_k N(x; μ_k, σ_k²) / p(x).
 * </pre>
 * Thread-safe.
 */
public final class GaussianMixture implements Density {
    /** Allowed |Σ w_k − 1|. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private final double[] weights;
    private final double[][] means;
    private final double[][] stds;
    private final int k;
    private final int d;
    /** log w_k − Σ_j log σ_kj − (D/2) log 2π: the constant part of log(w_k N(x; μ_k, σ_k²)). */
    private final double[] logConst;
    /** 1 / σ_kj², flat [K*D]. */
    private final double[] invVar;

    /**
     * @param weights w, shape [K], each ≥ 0, finite, Σ = 1 within {@value #WEIGHT_SUM_TOLERANCE}
     * @param means   μ, shape [K][D], finite, every row of the same length D ≥ 1
     * @param stds    σ, shape [K][D] (same as means), each finite and &gt; 0
     * @throws InputException naming the offending field on any violation
     */
    public GaussianMixture(double[] weights, double[][] means, double[][] stds) {
        MixtureValidation.check(weights, means, stds);
        this.k = weights.length;
        this.d = means[0].length;
        this.weights = weights.clone();
        this.means = deepCopy(means);
        this.stds = deepCopy(stds);
        this.logConst = new double[k];
        this.invVar = new double[k * d];
        for (int c = 0; c < k; c++) {
            double lc = StrictMath.log(weights[c]) - 0.5 * d * Normal.LOG_2PI;
            for (int j = 0; j < d; j++) {
                double s = stds[c][j];
                lc -= StrictMath.log(s);
                invVar[c * d + j] = 1.0 / (s * s);
            }
            logConst[c] = lc;
        }
    }

    /** A single Gaussian N(mean, diag(std²)), i.e. a one-component mixture. */
    public static GaussianMixture single(double[] mean, double[] std) {
        return new GaussianMixture(new double[] {1.0}, new double[][] {mean}, new double[][] {std});
    }

    /**
     * Parses {@code {"weights":[.5,.5],"means":[[-2],[2]],"stds":[[1],[1]]}}.
     *
     * @param sourceName names the source (usually a file name) in error messages
     * @throws InputException for malformed JSON, a missing, unknown or mistyped field, or an invalid
     *                        mixture; the message names {@code sourceName} and the field
     */
    public static GaussianMixture fromJson(String json, String sourceName) {
        return MixtureJson.parse(json, sourceName);
    }

    /** The JSON form read by {@link #fromJson}; numbers are written round-trip exactly. */
    public String toJson() {
        return MixtureJson.write(this);
    }

    /** Number of components K. */
    public int components() {
        return k;
    }

    @Override
    public int dim() {
        return d;
    }

    /** A copy of the weights, shape [K]. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of the means, shape [K][D]. */
    public double[][] means() {
        return deepCopy(means);
    }

    /** A copy of the standard deviations, shape [K][D]. */
    public double[][] stds() {
        return deepCopy(stds);
    }

    /** Weight w_k of component {@code c}. */
    public double weight(int c) {
        return weights[c];
    }

    /** μ_{c,j}. */
    public double mean(int c, int j) {
        return means[c][j];
    }

    /** σ_{c,j}. */
    public double std(int c, int j) {
        return stds[c][j];
    }

    /** log p(x) (normalised) of the point at {@code x[off … off+D)}, by log-sum-exp over components. */
    @Override
    public double logDensity(double[] x, int off) {
        double[] t = new double[k];
        double max = componentLogTerms(x, off, t);
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            return max;
        }
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
            sum += StrictMath.exp(t[c] - max);
        }
        return max + StrictMath.log(sum);
    }

    /** Writes ∇ₓ log p(x) = Σ_k r_k(x)(−(x − μ_k)/σ_k²) into {@code out[outOff … outOff+D)}. */
    @Override
    public void score(double[] x, int off, double[] out, int outOff) {
        double[] r = new double[k];
        responsibilities(x, off, r);
        for (int j = 0; j < d; j++) {
            double xj = x[off + j];
            double s = 0.0;
            for (int c = 0; c < k; c++) {
                if (r[c] != 0.0) {
                    s -= r[c] * (xj - means[c][j]) * invVar[c * d + j];
                }
            }
            out[outOff + j] = s;
        }
    }

    /**
     * The Laplacian Δ log p(x) = tr ∇² log p(x) of the point at {@code x[off … off+D)}. With
     * a_k = −Λ_k(x − μ_k) (Λ_k = diag(1/σ_k²)), the score s = Σ_k r_k a_k and
     * ∇² log p = Σ_k r_k (a_k a_kᵀ − Λ_k) − s sᵀ (differentiate s = Σ_k r_k a_k, using ∇r_k = r_k(a_k − s)), so
     * <pre>
     *   Δ log p(x) = Σ_k r_k (‖a_k‖² − Σ_j 1/σ_kj²) − ‖s‖².
     * </pre>
     */
    public double laplacian(double[] x, int off) {
        return curvature(x, off, null, 0);
    }

    /**
     * vᵀ ∇² log p(x) v = Σ_k r_k ((a_k·v)² − Σ_j v_j²/σ_kj²) − (s·v)² (see {@link #laplacian}) at the point
     * {@code x[off … off+D)} along {@code v[voff … voff+D)}. Neither array is modified.
     */
    public double hessianQuadratic(double[] x, int off, double[] v, int voff) {
        return curvature(x, off, v, voff);
    }

    /** {@link #hessianQuadratic} along v, or the trace ({@link #laplacian}) when v is null. */
    private double curvature(double[] x, int off, double[] v, int voff) {
        double[] r = new double[k];
        responsibilities(x, off, r);
        double[] s = new double[d];
        double total = 0.0;
        for (int c = 0; c < k; c++) {
            if (r[c] == 0.0) {
                continue;
            }
            double aa = 0.0;
            double lam = 0.0;
            for (int j = 0; j < d; j++) {
                double a = -(x[off + j] - means[c][j]) * invVar[c * d + j];
                double vj = v == null ? 1.0 : v[voff + j];
                s[j] += r[c] * a;
                if (v == null) {
                    aa += a * a;
                } else {
                    aa += a * vj;
                }
                lam += vj * vj * invVar[c * d + j];
            }
            total += r[c] * ((v == null ? aa : aa * aa) - lam);
        }
        double ss = 0.0;
        for (int j = 0; j < d; j++) {
            ss += v == null ? s[j] * s[j] : s[j] * v[voff + j];
        }
        return total - (v == null ? ss : ss * ss);
    }

    /**
     * Writes the posterior component probabilities r_k(x) = w_k N(x; μ_k, σ_k²) / p(x) (they sum to
     * 1) of the point at {@code x[off … off+D)} into {@code out[0 … K)}.
     */
    public void responsibilities(double[] x, int off, double[] out) {
        double max = componentLogTerms(x, off, out);
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
            out[c] = StrictMath.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < k; c++) {
            out[c] /= sum;
        }
    }

    /** log p for each of the n points in the flat row-major {@code points} (shape [n, D]); shape [n]. */
    public double[] logDensities(double[] points) {
        int n = rows(points.length);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = logDensity(points, i * d);
        }
        return out;
    }

    /** Scores of the n points in {@code points} (shape [n, D]); result shape [n, D]. */
    public double[] scores(double[] points) {
        rows(points.length);
        double[] out = new double[points.length];
        for (int off = 0; off < points.length; off += d) {
            score(points, off, out, off);
        }
        return out;
    }

    /** Scores of float points (shape [n, D]), computed in double and rounded; shape [n, D]. */
    public float[] scores(float[] points) {
        rows(points.length);
        double[] x = new double[d];
        double[] s = new double[d];
        float[] out = new float[points.length];
        for (int off = 0; off < points.length; off += d) {
            for (int j = 0; j < d; j++) {
                x[j] = points[off + j];
            }
            score(x, 0, s, 0);
            for (int j = 0; j < d; j++) {
                out[off + j] = (float) s[j];
            }
        }
        return out;
    }

    /** Index of the component whose mean is nearest (Euclidean) to the point at {@code x[off…)}; ties → lowest. */
    public int nearestMean(double[] x, int off) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dist = 0.0;
            for (int j = 0; j < d; j++) {
                double diff = x[off + j] - means[c][j];
                dist += diff * diff;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = c;
            }
        }
        return best;
    }

    /** Index of the component with the highest responsibility r_k(x); ties → lowest. */
    public int mostResponsible(double[] x, int off) {
        double[] t = new double[k];
        componentLogTerms(x, off, t);
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (t[c] > t[best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@link #nearestMean} for each of the n points in {@code points} (shape [n, D]); shape [n]. */
    public int[] nearestMeans(double[] points) {
        int n = rows(points.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = nearestMean(points, i * d);
        }
        return out;
    }

    /** {@link #mostResponsible} for each of the n points in {@code points} (shape [n, D]); shape [n]. */
    public int[] mostResponsible(double[] points) {
        int n = rows(points.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = mostResponsible(points, i * d);
        }
        return out;
    }

    /**
     * CDF F(x) = Σ_k w_k Φ((x − μ_k)/σ_k) of a one-dimensional mixture.
     *
     * @throws IllegalStateException if D ≠ 1 (use {@link #marginal(int)} first)
     */
    public double cdf(double x) {
        if (d != 1) {
            throw new IllegalStateException("cdf needs a 1-D mixture, this one has D=" + d + "; use marginal(j)");
        }
        double f = 0.0;
        for (int c = 0; c < k; c++) {
            f += weights[c] * Normal.cdf((x - means[c][0]) / stds[c][0]);
        }
        return Math.min(1.0, f);
    }

    /** The 1-D marginal along coordinate {@code j} (exact, since components are axis-aligned). */
    public GaussianMixture marginal(int j) {
        if (j < 0 || j >= d) {
            throw new IndexOutOfBoundsException("coordinate " + j + " out of range for D=" + d);
        }
        double[][] m = new double[k][1];
        double[][] s = new double[k][1];
        for (int c = 0; c < k; c++) {
            m[c][0] = means[c][j];
            s[c][0] = stds[c][j];
        }
        return new GaussianMixture(weights, m, s);
    }

    /**
     * The law of X + σZ with X ~ this mixture and Z ~ N(0, I) independent: the same weights and
     * means with σ_kj → √(σ_kj² + σ²). Exact; its score is the noise-conditional score that
     * annealed Langevin needs at noise level σ.
     *
     * @param sigma noise standard deviation, finite and ≥ 0 (0 returns an equal mixture)
     */
    public GaussianMixture convolved(double sigma) {
        if (!(sigma >= 0.0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("convolved needs a finite sigma >= 0, got " + sigma);
        }
        double[][] s = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                s[c][j] = Math.hypot(stds[c][j], sigma);
            }
        }
        return new GaussianMixture(weights, means, s);
    }

    /**
     * The law of m·X + σZ with X ~ this mixture and Z ~ N(0, I) independent: the same weights, means
     * m·μ_k and stds √(m²σ_kj² + σ²). Exact; it is the marginal p_t of a linear score SDE started at this
     * mixture, with m = m(t) and σ = σ(t) ({@code noise.Sde}).
     *
     * @param m     mean coefficient, finite and &gt; 0
     * @param sigma noise standard deviation, finite and ≥ 0
     */
    public GaussianMixture perturbed(double m, double sigma) {
        if (!(m > 0.0) || Double.isInfinite(m) || !(sigma >= 0.0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("perturbed needs a finite m > 0 and sigma >= 0, got " + m + " and " + sigma);
        }
        double[][] mu = new double[k][d];
        double[][] s = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mu[c][j] = m * means[c][j];
                s[c][j] = Math.hypot(m * stds[c][j], sigma);
            }
        }
        return new GaussianMixture(weights, mu, s);
    }

    /** Mixture mean E[X] = Σ_k w_k μ_k, shape [D]. */
    public double[] mixtureMean() {
        double[] m = new double[d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                m[j] += weights[c] * means[c][j];
            }
        }
        return m;
    }

    /** Per-coordinate variance Var[X_j] = Σ_k w_k (σ_kj² + μ_kj²) − (E X_j)², shape [D]. */
    public double[] mixtureVariance() {
        double[] m = mixtureMean();
        double[] v = new double[d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                v[j] += weights[c] * (stds[c][j] * stds[c][j] + means[c][j] * means[c][j]);
            }
        }
        for (int j = 0; j < d; j++) {
            v[j] -= m[j] * m[j];
        }
        return v;
    }

    /** Fills {@code t[c] = log(w_c N(x; μ_c, σ_c²))} and returns max_c t[c]. */
    private double componentLogTerms(double[] x, int off, double[] t) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double q = 0.0;
            for (int j = 0; j < d; j++) {
                double diff = x[off + j] - means[c][j];
                q += diff * diff * invVar[c * d + j];
            }
            double v = logConst[c] - 0.5 * q;
            t[c] = v;
            if (v > max || Double.isNaN(v)) {
                max = v;
            }
        }
        return max;
    }

    private int rows(int length) {
        if (length % d != 0) {
            throw new IllegalArgumentException("array length " + length + " is not a multiple of D=" + d);
        }
        return length / d;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianMixture g
                && Arrays.equals(weights, g.weights)
                && Arrays.deepEquals(means, g.means)
                && Arrays.deepEquals(stds, g.stds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.deepHashCode(means)) + Arrays.deepHashCode(stds);
    }

    @Override
    public String toString() {
        return "GaussianMixture[weights=" + Arrays.toString(weights) + ", means=" + Arrays.deepToString(means)
                + ", stds=" + Arrays.deepToString(stds) + "]";
    }
}
