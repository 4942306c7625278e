package io.score4j.cli;

import io.score4j.data.Standardizer;
import java.util.Arrays;

/** The identity standardisation (mean 0, std 1), used when a run does not standardise. */
final class Scaling {
    private Scaling() {}

    static Standardizer identity(int d) {
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new Standardizer(new double[d], ones);
    }
}
