package io.score4j.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.metrics.ClosestRecord;
import io.score4j.metrics.ColumnStats;
import io.score4j.metrics.KolmogorovSmirnov;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gaussian copula baseline: marginals, correlation, bounds, determinism and its file. */
class GaussianCopulaTest {
    private static final String[] MIXED = {"height", "wait", "smoker", "children"};

    @TempDir
    Path dir;

    /**
     * Continuous columns: the two-sample KS distance between the copula's rows and the data stays below
     * the 0.1 % critical value (rows drawn from F̂ ≈ F against data from F); discrete columns come back
     * with only the data's values, in proportions within 4 binomial standard errors √(p(1 − p)/m).
     */
    @Test
    void marginalsMatchTheDataAndStayWithinItsValues() {
        Dataset data = mixed(Key.of(1), 3000);
        GaussianCopula c = GaussianCopula.fit(data);
        assertEquals(java.util.List.of(false, false, true, true),
                c.marginals().stream().map(Marginal::discrete).toList());
        int m = 4000;
        Dataset s = c.sample(m, Key.of(2), Parallelism.single());
        for (int j = 0; j < 2; j++) {
            double ks = KolmogorovSmirnov.twoSample(s.column(j), data.column(j));
            assertTrue(ks < KolmogorovSmirnov.criticalTwoSample(m, data.n(), 0.001), MIXED[j] + " KS " + ks);
            double[] sorted = data.column(j).clone();
            java.util.Arrays.sort(sorted);
            for (double v : s.column(j)) {
                assertTrue(v >= sorted[0] && v <= sorted[sorted.length - 1], MIXED[j] + " within [min, max]: " + v);
            }
        }
        for (int j = 2; j < 4; j++) {
            Set<Double> values = new TreeSet<>();
            for (double v : data.column(j)) {
                values.add(v);
            }
            for (double level : values) {
                double p = fraction(data.column(j), level);
                double q = fraction(s.column(j), level);
                assertEquals(p, q, 4 * Math.sqrt(p * (1 - p) / m), MIXED[j] + " = " + level);
            }
            for (double v : s.column(j)) {
                assertTrue(values.contains(v), MIXED[j] + " takes only the data's values: " + v);
            }
        }
        assertEquals(0, ClosestRecord.exactCopies(s.values(), data.values(), 4), "interpolated rows are not copies");
    }

    /**
     * A bivariate normal with ρ = 0.7: the fitted normal-score correlation and the correlation of 4000
     * sampled rows are within 3 standard errors (1 − ρ²)/√n of ρ (√2 of them for the sampled rows,
     * which carry the fit's error and their own).
     */
    @Test
    void correlationOfACorrelatedGaussianIsRecovered() {
        double rho = 0.7;
        int n = 4000;
        double[] z = Draw.normalDouble(Key.of(3), 2 * n);
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = 10 + 3 * z[2 * i];
            v[2 * i + 1] = -2 + 0.5 * (rho * z[2 * i] + Math.sqrt(1 - rho * rho) * z[2 * i + 1]);
        }
        GaussianCopula c = GaussianCopula.fit(new Dataset(new String[] {"x", "y"}, n, 2, v));
        double se = (1 - rho * rho) / Math.sqrt(n);
        assertEquals(rho, c.correlation()[1], 3 * se, "fitted R");
        Dataset s = c.sample(n, Key.of(4), Parallelism.single());
        assertEquals(rho, ColumnStats.correlation(s.values(), 2)[1], 3 * Math.sqrt(2) * se, "sampled rows");
    }

    @Test
    void sameKeySameBitsWhateverTheThreadsAndAnotherKeyOtherRows() {
        GaussianCopula c = GaussianCopula.fit(mixed(Key.of(5), 1500));
        Dataset one = c.sample(2000, Key.of(6), Parallelism.single());
        Dataset four = c.sample(2000, Key.of(6), Parallelism.of(4));
        assertArrayEquals(one.values(), four.values(), 0.0);
        Dataset head = c.sample(700, Key.of(6), Parallelism.of(3));
        assertArrayEquals(java.util.Arrays.copyOf(one.values(), 700 * 4), head.values(), 0.0, "row i depends on i only");
        assertFalse(java.util.Arrays.equals(one.values(), c.sample(2000, Key.of(7), Parallelism.single()).values()));
        assertEquals(CopulaJson.toJson(c), CopulaJson.toJson(GaussianCopula.fit(mixed(Key.of(5), 1500))));
    }

    @Test
    void fileRoundTripsExactlyAndIsBounded() throws IOException {
        GaussianCopula c = GaussianCopula.fit(mixed(Key.of(8), 5000));
        for (Marginal m : c.marginals()) {
            assertTrue(m.values().length <= Marginal.MAX_KNOTS, "knots " + m.values().length);
        }
        assertEquals(Marginal.MAX_KNOTS, c.marginals().get(0).values().length);
        Path file = dir.resolve("copula.json");
        CopulaJson.write(file, c);
        GaussianCopula back = CopulaJson.read(file);
        assertEquals(c, back);
        assertArrayEquals(c.sample(300, Key.of(9), Parallelism.single()).values(),
                back.sample(300, Key.of(9), Parallelism.single()).values(), 0.0);
        assertEquals(Files.readString(file), CopulaJson.toJson(back), "same model, same bytes");
    }

    @Test
    void collinearAndConstantColumnsStillFactor() {
        double[] z = Draw.normalDouble(Key.of(10), 500);
        double[] v = new double[500 * 3];
        for (int i = 0; i < 500; i++) {
            v[3 * i] = z[i];
            v[3 * i + 1] = 2 * z[i];
            v[3 * i + 2] = 4.0;
        }
        GaussianCopula c = GaussianCopula.fit(new Dataset(new String[] {"a", "b", "k"}, 500, 3, v));
        Dataset s = c.sample(200, Key.of(11), Parallelism.single());
        for (int i = 0; i < 200; i++) {
            assertEquals(4.0, s.values()[3 * i + 2], 0.0);
        }
        assertTrue(ColumnStats.correlation(s.values(), 3)[1] > 0.999, "a copy stays a copy in rank");
    }

    @Test
    void malformedFilesAreInputErrorsNamingTheFile() throws IOException {
        Path bad = dir.resolve("bad.json");
        String good = CopulaJson.toJson(GaussianCopula.fit(mixed(Key.of(12), 200)));
        for (String text : new String[] {"{", "[]", good.replace(CopulaJson.FORMAT, "other"),
            good.replace("\"continuous\"", "\"wobbly\""), good.replaceFirst("\"rows\" : 200", "\"rows\" : 1"),
            good.replaceFirst("\\[ 1\\.0,", "[ 2.0,"), good.replace("\"smoker\"", "\"height\""),
            good.replace("\"name\" : \"wait\"", "\"nom\" : \"wait\""), good.replaceFirst("\"values\" : \\[", "\"values\" : [ 1e400,"),
            good.replace("\"columns\" : [", "\"columns\" : [ 7,")}) {
            Files.writeString(bad, text);
            InputException e = assertThrows(InputException.class, () -> CopulaJson.read(bad), text);
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        }
        assertNotEquals(good, "");
    }

    /** n rows: a normal height, an exponential wait, a binary smoker (p = 0.3), children in 0 … 4. */
    static Dataset mixed(Key key, int n) {
        double[] z = Draw.normalDouble(key.child(0), n);
        double[] u = Draw.uniformDouble(key.child(1), n, 0, 1);
        double[] w = Draw.uniformDouble(key.child(2), n, 0, 1);
        double[] v = new double[4 * n];
        for (int i = 0; i < n; i++) {
            v[4 * i] = 170 + 10 * z[i];
            v[4 * i + 1] = -Math.log(1 - u[i]) * (1 + 0.3 * Math.abs(z[i]));
            v[4 * i + 2] = w[i] < 0.3 ? 1 : 0;
            v[4 * i + 3] = Math.min(4, Math.floor(w[i] * 5 + 0.5 * u[i]));
        }
        return new Dataset(MIXED, n, 4, v);
    }

    private static double fraction(double[] v, double value) {
        int k = 0;
        for (double x : v) {
            k += x == value ? 1 : 0;
        }
        return (double) k / v.length;
    }
}
