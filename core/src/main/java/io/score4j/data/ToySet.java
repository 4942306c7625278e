package io.score4j.data;

import io.score4j.InputException;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Standard 2-D toy distributions for score-based models, columns {@code x, y}. The exact shapes
 * (all coordinates roughly within [−4, 4]):
 * <ul>
 *   <li>{@link #RING8}: 8 equal Gaussians, means 2(cos 2πk/8, sin 2πk/8), std 0.2 per axis.</li>
 *   <li>{@link #GRID25}: 25 equal Gaussians, means {−2,−1,0,1,2}², std 0.1 per axis.</li>
 *   <li>{@link #TWO_MOONS}: scikit-learn's moons, t ~ U[0, π], upper (cos t, sin t) and lower
 *       (1 − cos t, ½ − sin t), centred by (½, ¼), scaled ×2, plus N(0, 0.1²) noise; alternating.</li>
 *   <li>{@link #SWISS_ROLL}: t ~ U[1.5π, 4.5π], (t cos t, t sin t)/5 plus N(0, 0.1²) noise.</li>
 *   <li>{@link #CHECKERBOARD}: uniform on the 8 dark squares (i + j even) of a 4×4 board of side-2
 *       squares covering [−4, 4)².</li>
 *   <li>{@link #CIRCLES}: concentric circles of radius 1 and 2 (alternating, equal counts), uniform
 *       angle, plus N(0, 0.08²) noise.</li>
 *   <li>{@link #PINWHEEL}: 5 arms; arm c = i mod 5, radial r ~ 1 + 0.3z, tangential 0.1z, rotated by
 *       2πc/5 + 0.25·e^r, scaled ×2.</li>
 * </ul>
 * Every point i depends only on the key and i.
 */
public enum ToySet {
    RING8, GRID25, TWO_MOONS, SWISS_ROLL, CHECKERBOARD, CIRCLES, PINWHEEL;

    /** Column names of every toy set. */
    static final String[] COLUMNS = {"x", "y"};

    /** Dimension of every toy set: 2. */
    public int dim() {
        return COLUMNS.length;
    }

    /** The lower-case name used on command lines, e.g. {@code two_moons}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The toy set named {@code name}, ignoring case, {@code -} versus {@code _}, and surrounding space.
     *
     * @throws InputException listing the valid names if none matches
     */
    public static ToySet parse(String name) {
        String key = name == null ? "" : normalise(name);
        for (ToySet t : values()) {
            if (normalise(t.name()).equals(key)) {
                return t;
            }
        }
        String valid = Arrays.stream(values()).map(ToySet::cliName).collect(Collectors.joining(", "));
        throw new InputException("unknown toy data set '" + (name == null ? "" : CsvSyntax.shown(name))
                + "'; valid names: " + valid);
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The exact Gaussian mixture behind {@link #RING8} and {@link #GRID25}; empty for the others. */
    public Optional<GaussianMixture> mixture() {
        switch (this) {
            case RING8:
                return Optional.of(ToySampling.ring8());
            case GRID25:
                return Optional.of(ToySampling.grid25());
            default:
                return Optional.empty();
        }
    }

    /**
     * n points, columns {@code x, y}, a pure function of (this, n, key).
     * The mixture sets draw i.i.d. points with {@link MixtureData#sampleIid}.
     */
    public Dataset sample(int n, Key key) {
        if (n < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + n);
        }
        double[] v;
        switch (this) {
            case RING8:
            case GRID25:
                v = MixtureData.sampleIid(mixture().orElseThrow(), n, key).values();
                break;
            case TWO_MOONS:
                v = ToySampling.twoMoons(n, key);
                break;
            case SWISS_ROLL:
                v = ToySampling.swissRoll(n, key);
                break;
            case CHECKERBOARD:
                v = ToySampling.checkerboard(n, key);
                break;
            case CIRCLES:
                v = ToySampling.circles(n, key);
                break;
            default:
                v = ToySampling.pinwheel(n, key);
                break;
        }
        return new Dataset(COLUMNS, n, 2, v);
    }
}
