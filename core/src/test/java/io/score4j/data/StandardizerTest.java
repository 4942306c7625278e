package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    @Test
    void standardisedColumnsHaveMeanZeroAndStdOne() {
        Dataset ds = ToySet.TWO_MOONS.sample(1000, Key.of(1));
        Standardizer st = Standardizer.fit(ds);
        Dataset z = st.apply(ds);
        for (int j = 0; j < 2; j++) {
            double[] col = z.column(j);
            assertEquals(0.0, MixtureDataTest.mean(col), 1e-12);
            assertEquals(1.0, MixtureDataTest.std(col), 1e-12);
        }
        assertArrayEquals(ds.values(), st.invert(z).values(), 1e-12);
        assertArrayEquals(ds.columns(), z.columns());
    }

    @Test
    void knownValuesAndScoreScaling() {
        Dataset ds = new Dataset(new String[] {"a", "b"}, 2, 2, new double[] {1, 10, 3, 30});
        Standardizer st = Standardizer.fit(ds);
        assertArrayEquals(new double[] {2, 20}, st.mean());
        assertArrayEquals(new double[] {1, 10}, st.std()); // population std (ddof 0)
        assertArrayEquals(new double[] {-1, -1, 1, 1}, st.apply(ds.values()));
        assertArrayEquals(new double[] {2, 0.2}, st.scoreToOriginal(new double[] {2, 2}));
    }

    @Test
    void constantColumnGetsStdOneAndRoundTrips() {
        Dataset ds = new Dataset(new String[] {"c", "v"}, 3, 2, new double[] {0.1, 1, 0.1, 2, 0.1, 3});
        Standardizer st = Standardizer.fit(ds);
        assertEquals(1.0, st.std()[0]);
        double[] z = st.apply(ds.values());
        assertEquals(0.1 - st.mean()[0], z[0]);
        assertArrayEquals(ds.values(), st.invert(z), 1e-15);
        Standardizer one = Standardizer.fit(new Dataset(new String[] {"x"}, 1, 1, new double[] {5}));
        assertArrayEquals(new double[] {0}, one.apply(new double[] {5}));
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new Standardizer(new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Standardizer(new double[] {0}, new double[] {1, 1}));
        Standardizer st = new Standardizer(new double[] {0, 0}, new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> st.apply(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> st.apply(Dataset.of(1, new double[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(new Dataset(new String[] {"x"}, 0, 1, new double[0])));
    }
}
