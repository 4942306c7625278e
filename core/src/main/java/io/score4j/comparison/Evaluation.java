package io.score4j.comparison;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One samples file judged against a reference as {@code score4j eval} judges it: the comparison suite
 * ({@link Comparison} with {@link ComparisonSettings#defaults(long)}) and, against reference rows, the
 * fidelity and privacy check ({@link Fidelity} with {@link FidelitySettings#defaults(long)}), both with one seed.
 * {@code score4j report} on a table model calls {@link #of}, so its numbers are eval's for the same files and seed.
 *
 * @param in       the checked inputs ({@link ComparisonInputs#load})
 * @param result   the comparison
 * @param fidelity the fidelity check, null against a mixture
 */
public record Evaluation(ComparisonInputs in, ComparisonResult result, FidelityResult fidelity) {
    public Evaluation {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(result, "result");
    }

    /**
     * Judges {@code in} with {@code seed}: {@code projections} random directions for sliced W₁, C2ST on or off,
     * {@code holdout} (held-out real rows in the reference's numbers, {@link ComparisonInputs#loadHoldout}) or null.
     * Depends only on the inputs and settings, not on {@code par}.
     */
    public static Evaluation of(ComparisonInputs in, Dataset holdout, long seed, int projections, boolean c2st,
                                Parallelism par) {
        ComparisonResult result = Comparison.compare(in.samples(), in.reference(),
                ComparisonSettings.defaults(seed).withProjections(projections));
        FidelityResult fidelity = in.reference() instanceof Reference.Rows rows
                ? Fidelity.compare(in.samples(), rows.data(), holdout, FidelitySettings.defaults(seed).withC2st(c2st), par)
                : null;
        return new Evaluation(in, result, fidelity);
    }

    /** The headline metrics: the comparison's, then the fidelity check's (as eval's side-by-side table lists them). */
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>(result.metrics());
        if (fidelity != null) {
            all.addAll(fidelity.metrics());
        }
        return all;
    }
}
