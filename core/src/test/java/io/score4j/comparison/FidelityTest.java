package io.score4j.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fidelity and privacy check: known answers for copies, one law, and off-grid values. */
class FidelityTest {
    private static final String[] COLS = {"x", "y", "flag"};

    @Test
    void copiesAreAllExactAtDistanceZeroAndNoColumnDiffers() {
        Dataset real = rows(Key.of(1), 600, 0.0);
        FidelityResult f = Fidelity.compare(real, real, null, FidelitySettings.defaults(0), Parallelism.single());
        assertEquals(600, f.samplesDcr().exactCopies());
        assertEquals(0.0, f.samplesDcr().median(), 0.0);
        for (FidelityResult.ColumnCheck c : f.columns()) {
            assertEquals(0.0, c.statistic(), 0.0, c.name());
            assertTrue(c.passes(), c.name());
        }
        assertEquals(List.of(false, false, true), f.columns().stream().map(FidelityResult.ColumnCheck::discrete).toList());
        assertEquals(0.0, f.columns().get(2).offGrid(), 0.0);
        assertNull(f.holdoutDcr());
        assertNull(f.holdoutC2st());
    }

    /**
     * Samples and held-out rows from the reference's law: both C2ST accuracies within 3 null standard
     * errors (½/√(2m)) of ½, no exact copies of continuous rows, and the samples' median DCR within 15 %
     * of the held-out rows' (both medians of 1500 draws of one distribution; their relative spread is a
     * few percent).
     */
    @Test
    void samplesOfTheSameLawLookLikeHeldOutRows() {
        Dataset real = rows(Key.of(2), 1500, 0.0);
        Dataset samples = rows(Key.of(3), 1500, 0.0);
        Dataset holdout = rows(Key.of(4), 1500, 0.0);
        FidelityResult f = Fidelity.compare(samples, real, holdout, FidelitySettings.defaults(1), Parallelism.of(2));
        assertNotNull(f.c2st());
        assertEquals(0.5, f.c2st().accuracy(), 3 * f.c2st().nullStandardError(), "samples " + f.c2st());
        assertEquals(0.5, f.holdoutC2st().accuracy(), 3 * f.holdoutC2st().nullStandardError(), "holdout");
        assertEquals(0, f.samplesDcr().exactCopies());
        assertEquals(f.holdoutDcr().median(), f.samplesDcr().median(), 0.15 * f.holdoutDcr().median());
        double se = Math.hypot(f.samplesDcr().standardError(), f.holdoutDcr().standardError());
        assertTrue(se > 0 && se < 0.1 * f.holdoutDcr().median(), "standard errors " + f.samplesDcr() + f.holdoutDcr());
        assertEquals(f.holdoutDcr().median(), f.samplesDcr().median(), 4 * se, "one law: medians within 4 SE");
        assertTrue(f.columnsPassing() >= 2.0 / 3, "columns passing " + f.columnsPassing());
        assertEquals(List.of("columns_passing", "c2st_accuracy", "c2st_standard_error", "c2st_holdout_accuracy",
                "dcr_median_samples", "exact_copies", "dcr_median_holdout", "dcr_holdout_standard_error",
                "holdout_exact_copies"),
                f.metrics().stream().map(Metric::key).toList());
    }

    @Test
    void offGridValuesAndShiftsAreCaughtAndTheResultIgnoresThreads() {
        Dataset real = rows(Key.of(5), 800, 0.0);
        double[] v = rows(Key.of(6), 800, 3.0).values();
        for (int i = 0; i < 800; i++) {
            v[3 * i + 2] += 0.25;   // the flag column comes back as 0.25 / 1.25
        }
        Dataset bad = new Dataset(COLS, 800, 3, v);
        FidelityResult one = Fidelity.compare(bad, real, null, FidelitySettings.defaults(2), Parallelism.single());
        FidelityResult four = Fidelity.compare(bad, real, null, FidelitySettings.defaults(2), Parallelism.of(4));
        assertEquals(one.toJson(), four.toJson());
        FidelityResult.ColumnCheck flag = one.columns().get(2);
        assertEquals(1.0, flag.statistic(), 0.0, "disjoint values: TV 1");
        assertEquals(1.0, flag.offGrid(), 0.0);
        assertFalse(flag.passes());
        assertFalse(one.columns().get(0).passes(), "x shifted by 3 σ");
        assertTrue(one.c2st().accuracy() > 0.99, "separable: " + one.c2st().accuracy());
        assertEquals(0.0, one.columnsPassing() - 1.0 / 3, 1e-15, "only y passes");
    }

    @Test
    void c2stCanBeTurnedOffAndNeedsRowsForItsFolds() {
        Dataset real = rows(Key.of(7), 100, 0.0);
        FidelityResult off = Fidelity.compare(rows(Key.of(8), 100, 0.0), real, null,
                FidelitySettings.defaults(0).withC2st(false), Parallelism.single());
        assertNull(off.c2st());
        assertFalse(off.metrics().stream().anyMatch(m -> m.key().startsWith("c2st")));
        FidelityResult few = Fidelity.compare(rows(Key.of(9), 3, 0.0), real, null, FidelitySettings.defaults(0),
                Parallelism.single());
        assertNull(few.c2st(), "3 rows cannot fill 5 folds");
        assertEquals(3, few.samplesDcr().queried());
    }

    /** n rows: x ~ N(shift, 1), y = 0.6x + 0.8 N(0, 1) (unshifted), flag ∈ {0, 1} with P(1) = 0.3. */
    static Dataset rows(Key key, int n, double shift) {
        double[] z = Draw.normalDouble(key.child(0), 2 * n);
        double[] u = Draw.uniformDouble(key.child(1), n, 0, 1);
        double[] v = new double[3 * n];
        for (int i = 0; i < n; i++) {
            v[3 * i] = z[2 * i] + shift;
            v[3 * i + 1] = 0.6 * z[2 * i] + 0.8 * z[2 * i + 1];
            v[3 * i + 2] = u[i] < 0.3 ? 1 : 0;
        }
        return new Dataset(COLS, n, 3, v);
    }
}
