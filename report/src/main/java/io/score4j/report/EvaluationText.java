package io.score4j.report;

import io.score4j.comparison.Evaluation;
import java.util.List;

/**
 * {@code score4j eval}'s text: each file's comparison table ({@link ComparisonTable}) and, against reference rows,
 * its fidelity table ({@link FidelityTable}); with several files each under a {@code == samples FILE ==} line, then
 * their headline metrics side by side.
 */
public final class EvaluationText {
    private EvaluationText() {}

    /** The tables of {@code all} (one or more files judged against one reference). */
    public static String render(List<Evaluation> all) {
        String nl = System.lineSeparator();
        boolean several = all.size() > 1;
        StringBuilder b = new StringBuilder();
        for (Evaluation e : all) {
            b.append(several ? "== samples " + e.in().samplesFile() + " ==" + nl : "");
            b.append(ComparisonTable.render(e.result(), e.in()));
            b.append(e.fidelity() == null ? "" : nl + FidelityTable.render(e.fidelity()));
            b.append(several ? nl : "");
        }
        if (several) {
            b.append("== side by side ==").append(nl).append(FidelityTable.sideBySide(
                    all.stream().map(e -> e.in().samplesFile()).toList(), all.stream().map(Evaluation::metrics).toList()));
        }
        return b.toString();
    }

    /** The warning lines for files with non-finite sample rows ({@link ComparisonTable#nonFiniteWarning}), in order. */
    public static List<String> warnings(List<Evaluation> all) {
        return all.stream().map(e -> ComparisonTable.nonFiniteWarning(e.result(), e.in()))
                .filter(w -> w != null).toList();
    }
}
