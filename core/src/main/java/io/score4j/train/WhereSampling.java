package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.NamedRows;
import io.score4j.data.TextTable;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.sampling.SamplerKind;
import io.score4j.table.TableSchema;
import java.util.Locale;

/**
 * Rows that satisfy a {@link Where}, by rejection sampling in rounds, as {@code score4j sample --where} draws them.
 *
 * <p><b>Method.</b> The sampler draws one sequence of particles 0, 1, 2, … (each keyed by its global index, as
 * {@link ModelSampling} keys a slice [first, first + count) of a larger run), in blocks; every drawn row is decoded
 * as it would be written (a table's text cells; a model's numbers) and kept when it satisfies every condition; the
 * first {@code n} kept rows, in particle order, are the output. Kept rows are draws from the sampler's law
 * restricted to the region and renormalised, p(x | x ∈ A) = p(x)·1[x ∈ A] / P(A): exact, with no approximation
 * beyond the sampler's own, and every written row satisfies every clause by construction. Because particle i
 * is the same whatever block it is drawn in, the output depends only on the seed and settings, not on the block
 * sizes or {@code --threads}.
 *
 * <p><b>Cost and when it stops.</b> The first block (the pilot) has max(n, {@value #PILOT}) particles; each further
 * block is sized from the acceptance measured so far, a = satisfied / drawn, to finish in one more round
 * (1.25·(n − kept)/a + 16 particles, at most {@value #MAX_BLOCK}). Drawing costs about n/a particles, so when more
 * rows are needed and the measured acceptance is below {@value #MIN_ACCEPTANCE} (more than 100 draws a row) it
 * stops with an {@link InputException} giving the measured acceptance and the draws rejection would need (nothing
 * is drawn further): the region is too rare for rejection, and a guided draw (e.g. fixing a value with
 * {@code --given}) is the user's choice to make, because any guided method changes what is sampled. Since each
 * round continues only while a ≥ {@value #MIN_ACCEPTANCE}, at most about n/{@value #MIN_ACCEPTANCE} particles are
 * drawn in all.
 */
public final class WhereSampling {
    /** Particles of the first round at least. */
    public static final int PILOT = 1000;
    /** The lowest acceptance at which further rounds are drawn. */
    public static final double MIN_ACCEPTANCE = 0.01;
    /** Most particles one round draws. */
    public static final int MAX_BLOCK = 1 << 18;

    private WhereSampling() {}

    /**
     * The kept rows and what they cost.
     *
     * @param drawn     the draws of the first n rows that satisfy the conditions: a {@link ModelSampling.Drawn} of
     *                  [n, w] points in the sampler's output units (a table model's coordinates), every row finite
     * @param particles particles drawn in all rounds
     * @param satisfied drawn rows that satisfy the conditions (≥ n; rows past the n-th are drawn but not kept)
     * @param nonFinite drawn rows with a non-finite coordinate (a diverged chain; never kept)
     * @param rounds    blocks drawn
     */
    public record Kept(ModelSampling.Drawn drawn, long particles, long satisfied, long nonFinite, int rounds) {
        /** The measured acceptance: satisfied / particles. */
        public double acceptance() {
            return satisfied / (double) particles;
        }

        /** One line: rows kept of drawn, acceptance and rounds. */
        public String summary(Where where, int n) {
            return String.format(Locale.ROOT, "--where %s: kept %d of %d rows drawn (acceptance %.4f, %d round%s%s)",
                    where.text(), n, particles, acceptance(), rounds, rounds == 1 ? "" : "s",
                    nonFinite > 0 ? "; " + nonFinite + " rows not finite" : "");
        }
    }

    /** Draws particles [first, first + count) in the sampler's output units. */
    @FunctionalInterface
    interface Block {
        ModelSampling.Drawn draw(long first, int count);
    }

    /** Which rows of a block of {@code count} rows [count, w] satisfy the conditions; NaN rows are the caller's to refuse. */
    @FunctionalInterface
    interface RowTest {
        boolean[] test(double[] rows, int count);
    }

    /**
     * n rows of the model that satisfy {@code where} (parsed against {@code schema} for a table model, else against
     * the model's columns), drawn by {@link ModelSampling#fromModel(ScoreModel, long, int, SamplingPlan, Key,
     * ModelSampling.Progress, Given)} with {@code given} (original units; its columns may not be constrained).
     *
     * @param schema the model's table schema, or null for a plain numeric model
     */
    public static Kept fromModel(ScoreModel m, TableSchema schema, Where where, int n, SamplingPlan o, Key key,
                                 ModelSampling.Progress bar, Given given) {
        requireFree(where, given, schema, m.columns());
        Block block = (first, count) -> ModelSampling.fromModel(m, first, count, o, key, bar, given);
        int w = m.dim();
        return rounds(n, w, block, schema != null ? tableTest(schema, where) : numberTest(where, w), where);
    }

    /** As {@link #fromModel} for a mixture's exact score (MALA, which runs whole, keys each round by its first particle). */
    public static Kept fromMixture(GaussianMixture mix, Where where, int n, SamplingPlan o, Key key,
                                   ModelSampling.Progress bar, Given given) {
        int d = mix.dim();
        requireFree(where, given, null, io.score4j.data.Dataset.defaultColumns(d));
        Block block = o.kind() == SamplerKind.MALA
                ? (first, count) -> ModelSampling.fromMixture(mix, count, o, first == 0 ? key : key.fold(first), bar, given)
                : (first, count) -> ModelSampling.fromMixture(mix, first, count, o, key, bar, given);
        return rounds(n, d, block, numberTest(where, d), where);
    }

    /** The rejection rounds of the class comment: the first n satisfying rows of particles 0, 1, 2, … */
    static Kept rounds(int n, int w, Block block, RowTest test, Where where) {
        if (n < 1 || w < 1) {
            throw new IllegalArgumentException("need n >= 1 and w >= 1, got " + n + ", " + w);
        }
        double[] kept = new double[Math.multiplyExact(n, w)];
        int k = 0;
        long particles = 0;
        long satisfied = 0;
        long nonFinite = 0;
        long nfe = 0;
        int rounds = 0;
        int next = Math.max(n, PILOT);
        while (k < n) {
            ModelSampling.Drawn d = block.draw(particles, next);
            double[] rows = d.points();
            boolean[] ok = test.test(rows, next);
            for (int i = 0; i < next; i++) {
                boolean finite = finite(rows, i, w);
                nonFinite += finite ? 0 : 1;
                if (finite && ok[i]) {
                    satisfied++;
                    if (k < n) {
                        System.arraycopy(rows, i * w, kept, k * w, w);
                        k++;
                    }
                }
            }
            particles += next;
            nfe += d.nfe();
            rounds++;
            double a = satisfied / (double) particles;
            if (k < n && a < MIN_ACCEPTANCE) {
                throw tooRare(where, n, particles, satisfied, nonFinite);
            }
            next = (int) Math.min(MAX_BLOCK, Math.ceil(1.25 * (n - k) / a) + 16);
        }
        return new Kept(new ModelSampling.Drawn(kept, Double.NaN, 0, 0, nfe), particles, satisfied, nonFinite, rounds);
    }

    private static InputException tooRare(Where where, int n, long particles, long satisfied, long nonFinite) {
        double a = satisfied / (double) particles;
        String need = satisfied == 0 ? "more than " + (long) n * particles + " draws"
                : "about " + Math.round(n / a) + " draws";
        return new InputException(String.format(Locale.ROOT, "--where %s: %d of %d rows drawn satisfy it (acceptance "
                        + "%.4f, below %.2f)%s; rejection would need %s for --n %d. %s Nothing was written.", where.text(),
                satisfied, particles, a, MIN_ACCEPTANCE,
                nonFinite > 0 ? "; " + nonFinite + " rows were not finite (the chain diverged)" : "", need, n, advice(where)));
    }

    /** What to do instead: condition on a single-valued clause with --given (README), or widen the range. */
    private static String advice(Where where) {
        java.util.List<String> single = where.singleValues();
        return single.isEmpty() ? "Widen the range, or fix a column's value with --given."
                : "Condition on " + String.join(",", single) + " with --given instead of --where (the rest drawn from "
                + "p(rest | given); README), or widen the range.";
    }

    /** A table model's rows tested as written: finite rows decoded to text cells, each tested. */
    private static RowTest tableTest(TableSchema schema, Where where) {
        int w = schema.width();
        return (rows, count) -> {
            boolean[] ok = new boolean[count];
            int[] finiteIndex = new int[count];
            double[] finiteRows = new double[rows.length];
            int f = 0;
            for (int i = 0; i < count; i++) {
                if (finite(rows, i, w)) {
                    System.arraycopy(rows, i * w, finiteRows, f * w, w);
                    finiteIndex[f++] = i;
                }
            }
            TextTable decoded = schema.decode(java.util.Arrays.copyOf(finiteRows, f * w), f, "--where");
            for (int r = 0; r < f; r++) {
                ok[finiteIndex[r]] = where.holds(decoded, r);
            }
            return ok;
        };
    }

    /** A numeric model's rows tested as the doubles written. */
    private static RowTest numberTest(Where where, int d) {
        return (rows, count) -> {
            boolean[] ok = new boolean[count];
            for (int i = 0; i < count; i++) {
                ok[i] = where.holds(rows, i, d);
            }
            return ok;
        };
    }

    /** Refuses a column both given and constrained: the given value alone decides it. */
    private static void requireFree(Where where, Given given, TableSchema schema, String[] columns) {
        for (Where.Condition c : where.conditions()) {
            int j = c.column();
            boolean fixed = schema == null ? given.isGiven(0, j)
                    : schema.columns().get(j).width() > 0 && given.isGiven(0, schema.offset(j));
            if (fixed) {
                throw new InputException("--where " + where.text() + ": column '" + NamedRows.shown(c.name())
                        + "' is also --given; constrain it with one of the two");
            }
        }
    }

    private static boolean finite(double[] rows, int i, int w) {
        for (int k = i * w; k < (i + 1) * w; k++) {
            if (!Double.isFinite(rows[k])) {
                return false;
            }
        }
        return true;
    }
}
