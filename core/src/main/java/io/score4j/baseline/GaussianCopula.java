package io.score4j.baseline;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.density.Normal;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A Gaussian copula with empirical marginals, the baseline a score model has to beat on tables. Fit:
 * each column's {@link Marginal}, and the correlation R of the normal scores z_ij = Φ⁻¹(r_ij/(n + 1)),
 * r_ij the mid-rank of x_ij in column j (ties share their mean rank). Sample: g ~ N(0, I_d), z = L·g
 * with L Lᵀ = R, x_j = F_j⁻¹(Φ(z_j)). The dependence is Gaussian in the ranks; each column keeps its
 * own distribution (discrete columns their values, continuous ones within the data's range).
 *
 * <p>Row i of a sample uses the normals {@code Draw.normalAt(key, i·d + j)}, so the rows depend only
 * on the key and i: the same key gives the same bits whatever the thread count or block size.
 *
 * @param columns     column names, shape [d]
 * @param marginals   one per column, shape [d]
 * @param correlation R, flat [d, d], symmetric with unit diagonal and positive definite
 * @param rows        rows the model was fitted on
 */
public record GaussianCopula(List<String> columns, List<Marginal> marginals, double[] correlation, int rows) {
    /** Rows per parallel task in {@link #sample}. */
    static final int BLOCK = 512;

    public GaussianCopula {
        if (columns == null || marginals == null || correlation == null || columns.isEmpty()
                || columns.size() != marginals.size() || correlation.length != columns.size() * columns.size()) {
            throw new IllegalArgumentException("copula needs d >= 1 names, d marginals and a d×d correlation");
        }
        if (rows < 2) {
            throw new IllegalArgumentException("copula rows must be >= 2, got " + rows);
        }
        if (columns.stream().anyMatch(c -> c == null || c.isBlank()) || Set.copyOf(columns).size() != columns.size()) {
            throw new IllegalArgumentException("copula column names must be non-blank and distinct, got " + columns);
        }
        columns = List.copyOf(columns);
        marginals = List.copyOf(marginals);
        correlation = correlation.clone();
        Cholesky.checkCorrelation(correlation, columns.size());
    }

    /** Fits on {@code data} (finite, at least 2 rows). Nothing is modified. */
    public static GaussianCopula fit(Dataset data) {
        int n = data.n();
        int d = data.d();
        if (n < 2) {
            throw new IllegalArgumentException("a copula needs at least 2 rows, got " + n);
        }
        Marginal[] marginals = new Marginal[d];
        double[][] scores = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] col = data.column(j);
            for (double v : col) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("copula data must be finite, got " + v + " in column "
                            + data.columns()[j]);
                }
            }
            marginals[j] = Marginal.of(col);
            scores[j] = normalScores(col);
        }
        return new GaussianCopula(List.of(data.columns()), List.of(marginals), Cholesky.nearestDefinite(pearson(scores)),
                n);
    }

    /** Dimension. */
    public int d() {
        return columns.size();
    }

    /** {@code n} rows drawn with {@code key} (see the class comment), columns named as fitted. */
    public Dataset sample(int n, Key key, Parallelism par) {
        if (n < 0) {
            throw new IllegalArgumentException("rows to sample must be >= 0, got " + n);
        }
        int d = d();
        double[] l = Cholesky.factor(correlation, d);
        double[] out = new double[n * d];
        par.forEach((n + BLOCK - 1) / BLOCK, block -> {
            double[] g = new double[d];
            for (int i = block * BLOCK; i < Math.min(n, (block + 1) * BLOCK); i++) {
                for (int j = 0; j < d; j++) {
                    g[j] = Draw.normalAt(key, (long) i * d + j);
                }
                for (int j = 0; j < d; j++) {
                    double z = 0.0;
                    for (int k = 0; k <= j; k++) {
                        z += l[j * d + k] * g[k];
                    }
                    out[i * d + j] = marginals.get(j).quantile(Normal.cdf(z));
                }
            }
        });
        return new Dataset(columns.toArray(String[]::new), n, d, out);
    }

    @Override
    public double[] correlation() {
        return correlation.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianCopula c && columns.equals(c.columns) && marginals.equals(c.marginals)
                && Arrays.equals(correlation, c.correlation) && rows == c.rows;
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + Arrays.hashCode(correlation) + rows;
    }

    @Override
    public String toString() {
        return "GaussianCopula[d=" + d() + ", rows=" + rows + "]";
    }

    /** Φ⁻¹(r_i/(n + 1)) with r_i the mid-rank (1-based) of v_i. */
    static double[] normalScores(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] z = new double[n];
        int i = 0;
        while (i < n) {
            int k = i;
            while (k + 1 < n && v[order[k + 1]] == v[order[i]]) {
                k++;
            }
            double rank = 0.5 * (i + k) + 1.0;
            for (int t = i; t <= k; t++) {
                z[order[t]] = Normal.quantile(rank / (n + 1.0));
            }
            i = k + 1;
        }
        return z;
    }

    /** Pearson correlation of the columns {@code cols[j]} (shape [d][n]), flat [d, d]; 0 off the diagonal for a constant column. */
    static double[] pearson(double[][] cols) {
        int d = cols.length;
        int n = cols[0].length;
        double[][] c = new double[d][n];
        double[] norm = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = 0.0;
            for (double x : cols[j]) {
                mean += x;
            }
            mean /= n;
            double ss = 0.0;
            for (int i = 0; i < n; i++) {
                c[j][i] = cols[j][i] - mean;
                ss += c[j][i] * c[j][i];
            }
            norm[j] = Math.sqrt(ss);
        }
        double[] r = new double[d * d];
        for (int j = 0; j < d; j++) {
            r[j * d + j] = 1.0;
            for (int k = j + 1; k < d; k++) {
                double dot = 0.0;
                for (int i = 0; i < n; i++) {
                    dot += c[j][i] * c[k][i];
                }
                double v = norm[j] > 0 && norm[k] > 0 ? Math.max(-1.0, Math.min(1.0, dot / (norm[j] * norm[k]))) : 0.0;
                r[j * d + k] = v;
                r[k * d + j] = v;
            }
        }
        return r;
    }
}
