package io.score4j.comparison;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One samples file judged against its reference, as {@code score4j eval} judges it: the two-sample suite
 * ({@link Comparison} at {@link ComparisonSettings#defaults(long)}, the settings {@code report} uses too) and,
 * against reference rows, the fidelity and privacy checks ({@link Fidelity}); against a mixture {@code fidelity}
 * is null. {@code score4j report} on a table model calls {@link #of} too, so its numbers are eval's for the same
 * files and seed.
 *
 * @param in       the checked inputs (files as named, samples, reference)
 * @param result   the comparison suite's result
 * @param fidelity the fidelity and privacy checks, or null for a mixture reference
 */
public record Evaluation(ComparisonInputs in, ComparisonResult result, FidelityResult fidelity) {
    public Evaluation {
        if (in == null || result == null) {
            throw new IllegalArgumentException("an evaluation needs its inputs and a comparison result");
        }
    }

    /**
     * Judges {@code in}: the comparison with {@code seed} and {@code projections} sliced-W₁ directions, and against
     * reference rows the fidelity checks ({@code c2st}: run the classifier two-sample test) with {@code holdout}
     * (real rows held out of training, or null) beside the samples.
     */
    public static Evaluation of(ComparisonInputs in, Dataset holdout, long seed, int projections, boolean c2st,
                                Parallelism parallelism) {
        ComparisonResult result = Comparison.compare(in.samples(), in.reference(),
                ComparisonSettings.defaults(seed).withProjections(projections));
        FidelityResult fidelity = in.reference() instanceof Reference.Rows rows
                ? Fidelity.compare(in.samples(), rows.data(), holdout, FidelitySettings.defaults(seed).withC2st(c2st),
                        parallelism)
                : null;
        return new Evaluation(in, result, fidelity);
    }

    /** The headline metrics: the comparison's, then the fidelity checks' (for a side-by-side table). */
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>(result.metrics());
        if (fidelity != null) {
            all.addAll(fidelity.metrics());
        }
        return all;
    }

    /**
     * This file's JSON object: {@link ComparisonResult#toJson()} with the files named (samples {file, rows, …},
     * reference {kind csv|mixture, file, rows}) and, when checked, {@code fidelity} ({holdout_file, …}).
     *
     * @param holdoutFile the held-out file as named, or null
     */
    public Map<String, Object> toJson(String holdoutFile) {
        Map<String, Object> m = result.toJson();
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("file", in.samplesFile());
        samples.putAll(castMap(m.get("samples")));
        m.put("samples", samples);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("kind", in.referenceKind());
        reference.put("file", in.referenceFile());
        reference.put("rows", result.counts().referenceRows());
        m.put("reference", reference);
        if (fidelity != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("holdout_file", holdoutFile);
            f.putAll(fidelity.toJson());
            m.put("fidelity", f);
        }
        return m;
    }

    /** Several files' JSON: the one file's object, or {@code {"comparisons": [one object per file]}}. */
    public static Map<String, Object> toJson(List<Evaluation> all, String holdoutFile) {
        if (all.size() == 1) {
            return all.get(0).toJson(holdoutFile);
        }
        return new LinkedHashMap<>(Map.of("comparisons", all.stream().map(e -> e.toJson(holdoutFile)).toList()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
