package io.score4j.report;

import java.util.Objects;

/** A named one-dimensional sample, for histograms. The array is copied; non-finite values are ignored when drawn. */
public record Sample(String name, double[] values) {
    public Sample {
        Objects.requireNonNull(name, "name");
        values = Objects.requireNonNull(values, "values").clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
