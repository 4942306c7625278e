package io.score4j.report;

import io.score4j.Parallelism;
import io.score4j.comparison.ComparisonInputs;
import io.score4j.comparison.Evaluation;
import io.score4j.data.ColumnMapping;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.io.JsonText;
import io.score4j.train.HeldOutLikelihood;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code score4j eval} as one library call: each samples file judged against one reference ({@link Evaluation}: a
 * reference CSV or a Gaussian mixture, with held-out rows beside them when given) and, for a score SDE model, the
 * held-out log-likelihood of the reference rows under it ({@link HeldOutLikelihood}); {@link #text} and
 * {@link #json} are what eval prints and writes.
 *
 * @param judged      one evaluation per samples file, in order
 * @param held        the reference rows' log-likelihood under the model, or null without one
 * @param holdoutFile the held-out rows' file as given, or null
 */
public record EvaluationRun(List<Evaluation> judged, HeldOutLikelihood held, String holdoutFile) {
    public EvaluationRun {
        judged = List.copyOf(judged);
    }

    /**
     * What eval computes.
     *
     * @param reference   the reference CSV, or null with {@code mixture}
     * @param mixture     the mixture JSON, or null with {@code reference}
     * @param columns     the columns compared (by name), or null for all
     * @param holdout     held-out real rows (needs {@code reference}), or null
     * @param model       a score SDE model already checked as one, or null; its file is {@code modelFile}
     * @param maxLogpRows at most this many reference rows get their logp
     * @param notes       receives notes on columns left unused
     */
    public static EvaluationRun of(List<Path> samples, Path reference, Path mixture, List<String> columns, Path holdout,
                                   ScoreModel model, Path modelFile, int maxLogpRows, long seed, int projections,
                                   boolean c2st, Parallelism parallelism, Consumer<String> notes) {
        List<Evaluation> judged = new ArrayList<>();
        for (Path file : samples) {
            ComparisonInputs in = ComparisonInputs.load(file, reference, mixture, columns, notes);
            judged.add(Evaluation.of(in, holdout == null ? null : in.loadHoldout(holdout), seed, projections, c2st,
                    parallelism));
        }
        HeldOutLikelihood held = null;
        if (model != null) {
            Dataset rows = NamedRows.read(new NamedRows.Request("--reference", reference, model.columns(), "the model "
                    + modelFile, ColumnMapping.byName(), "rename them in the file"), false, line -> { });
            held = HeldOutLikelihood.of(model, "--model " + modelFile, rows.values(), rows.d(), maxLogpRows, null, seed,
                    parallelism);
        }
        return new EvaluationRun(judged, held, holdout == null ? null : holdout.toString());
    }

    /** The tables eval prints ({@link EvaluationText#render}), then the held-out log-likelihood's line. */
    public String text() {
        return EvaluationText.render(judged) + (held == null ? "" : held.summary() + System.lineSeparator());
    }

    /** The JSON eval writes: {@link Evaluation#toJson}, with {@code held_out_logp} when a model was given. */
    public String json() {
        Map<String, Object> top = Evaluation.toJson(judged, holdoutFile);
        if (held != null) {
            top.put("held_out_logp", held.toJson());
        }
        return JsonText.indented(top) + "\n";
    }

    /** The warning lines eval puts on stderr ({@link EvaluationText#warnings}). */
    public List<String> warnings() {
        return EvaluationText.warnings(judged);
    }
}
