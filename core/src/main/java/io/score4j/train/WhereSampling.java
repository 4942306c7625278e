package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.NamedRows;
import io.score4j.data.TextTable;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.sampling.SamplerKind;
import io.score4j.table.TableSchema;
import java.util.List;
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
 * <p><b>Cost, and the guided draw.</b> The first block (the pilot) has max(n, {@value #PILOT}) particles; each further
 * block is sized from the acceptance measured so far, a = satisfied / drawn, to finish in one more round
 * (1.25·(n − kept)/a + 16 particles, at most {@value #MAX_BLOCK}). Drawing costs about n/a particles, so rounds go on
 * only while a ≥ {@value #MIN_ACCEPTANCE} (at most about 100 draws a row; at most about n/{@value #MIN_ACCEPTANCE}
 * particles in all). Below it, a region is rare because of a single-valued clause ({@code city=Lyon}, a category's
 * one allowed level; {@code kids=2}, a point range) or because of a range:
 * <ul>
 *   <li>with single-valued clauses, the <em>guided</em> draw conditions on them ({@link Given}, as {@code --given}
 *       does) and runs the rejection rounds again on that: p(x | c = v, x ∈ A) = p(rest | c = v)·1[x ∈ A] / P(A | c = v),
 *       so only the other clauses are left to rejection. It is exactly the restricted law for samplers whose
 *       conditioning is exact (langevin, mala), and inherits the bias of the sampler's conditioning otherwise
 *       (em and pc: the replacement method, pulled towards the unconditional law; annealed: see {@link Given}).
 *       Rows are still tested against every clause, the conditioned ones included;</li>
 *   <li>with ranges only, the <em>seeded</em> draw: rejection goes on down to an acceptance of {@value #SEED_ACCEPTANCE}
 *       (at most about 2000 draws a row) until it holds min(n, {@value #SEEDS}) rows, the seeds, exact draws of the
 *       restricted law; each further row takes the constrained columns of a seed picked uniformly (keyed by the
 *       row's particle index) and draws the other columns given them (as {@code --given}), so
 *       p(x) ≈ p̂(x_C | x ∈ A)·p(rest | x_C), p̂ the seeds' empirical law of the constrained columns C. The rows
 *       past the seeds repeat the seeds' values of C (at most {@value #SEEDS} distinct ones), and the rest inherits
 *       the sampler's conditioning (exact for langevin and mala, the replacement method's bias for em and pc);
 *       every row is tested against every clause;</li>
 *   <li>when the guided rounds also fall below {@value #MIN_ACCEPTANCE}, or no seed is found, it stops with an
 *       {@link InputException} giving the measured acceptance and the draws rejection would need; nothing is
 *       written.</li>
 * </ul>
 */
public final class WhereSampling {
    /** Particles of the first round at least. */
    public static final int PILOT = 1000;
    /** The lowest acceptance at which further rounds are drawn. */
    public static final double MIN_ACCEPTANCE = 0.01;
    /** Most particles one round draws. */
    public static final int MAX_BLOCK = 1 << 18;
    /** Rows the seeded draw of a rare range takes from rejection before it conditions on them. */
    public static final int SEEDS = 32;
    /** The lowest acceptance at which rejection goes on drawing seeds (about 2000 draws a seed). */
    public static final double SEED_ACCEPTANCE = 5e-4;

    private WhereSampling() {}

    /**
     * The kept rows and what they cost.
     *
     * @param drawn       the first rows that satisfy the conditions, at most n: a {@link ModelSampling.Drawn} of
     *                    [rows, w] points in the sampler's output units (a table model's coordinates), every row finite
     * @param rows        rows kept: n, or fewer when the rounds stopped below {@link #MIN_ACCEPTANCE}
     * @param particles   particles drawn in all rounds
     * @param satisfied   drawn rows that satisfy the conditions (rows past the n-th are drawn but not kept)
     * @param nonFinite   drawn rows with a non-finite coordinate (a diverged chain; never kept)
     * @param rounds      blocks drawn
     * @param conditioned the single-valued clauses the guided draw conditioned on ({@code col=value}); empty for
     *                    plain rejection
     * @param rejected    the plain rejection rounds that stopped below {@link #MIN_ACCEPTANCE} before the guided
     *                    draw, or null
     * @param seeds       rows of the seeded draw of a rare range that rejection gave (the first rows of
     *                    {@code drawn}); 0 when it was not used
     */
    public record Kept(ModelSampling.Drawn drawn, int rows, long particles, long satisfied, long nonFinite, int rounds,
                       List<String> conditioned, Kept rejected, int seeds) {
        public Kept {
            java.util.Objects.requireNonNull(drawn, "drawn");
            conditioned = List.copyOf(conditioned);
        }

        /** The measured acceptance: satisfied / particles. */
        public double acceptance() {
            return satisfied / (double) particles;
        }

        /** One line: rows kept of drawn, acceptance and rounds, and what a guided draw conditioned on. */
        public String summary(Where where, int n) {
            if (seeds > 0) {
                return String.format(Locale.ROOT, "--where %s: %d rows by rejection (%d of %d drawn, acceptance %.4f), "
                        + "the other %d drawn given the constrained columns of one of them (kept %d of %d, %d round%s%s; "
                        + "seeded, README)", where.text(), seeds, rejected.satisfied, rejected.particles,
                        rejected.acceptance(), rows - seeds, rows - seeds, particles, rounds, rounds == 1 ? "" : "s",
                        nonFinite > 0 ? "; " + nonFinite + " rows not finite" : "");
            }
            String line = String.format(Locale.ROOT, "--where %s: kept %d of %d rows drawn (acceptance %.4f, %d round%s%s)",
                    where.text(), rows, particles, acceptance(), rounds, rounds == 1 ? "" : "s",
                    nonFinite > 0 ? "; " + nonFinite + " rows not finite" : "");
            return rejected == null ? line : line + String.format(Locale.ROOT, " with %s given (guided: plain rejection "
                    + "accepted %d of %d rows, %.4f; README)", String.join(",", conditioned), rejected.satisfied,
                    rejected.particles, rejected.acceptance());
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

    /** Draws of the sampler under a {@link Given} (the user's, or the guided one) with a key. */
    @FunctionalInterface
    interface Sampler {
        Block with(Given given, Key key);
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
        Sampler sampler = (g, k) -> (first, count) -> ModelSampling.fromModel(m, first, count, o, k, bar, g);
        int w = m.dim();
        RowTest test = schema != null ? tableTest(schema, where, given) : numberTest(where, w);
        return draw(n, w, sampler, test, where, key, given,
                single -> schema != null ? TableSampling.given(schema, single, "--where")
                        : GivenColumns.parse(single, m.columns(), "--where"), constrained(where, schema, w));
    }

    /** As {@link #fromModel} for a mixture's exact score (MALA, which runs whole, keys each round by its first particle). */
    public static Kept fromMixture(GaussianMixture mix, Where where, int n, SamplingPlan o, Key key,
                                   ModelSampling.Progress bar, Given given) {
        int d = mix.dim();
        String[] columns = io.score4j.data.Dataset.defaultColumns(d);
        requireFree(where, given, null, columns);
        Sampler sampler = o.kind() == SamplerKind.MALA
                ? (g, k) -> (first, count) -> ModelSampling.fromMixture(mix, count, o, first == 0 ? k : k.fold(first), bar, g)
                : (g, k) -> (first, count) -> ModelSampling.fromMixture(mix, first, count, o, k, bar, g);
        return draw(n, d, sampler, numberTest(where, d), where, key, given,
                single -> GivenColumns.parse(single, columns, "--where"),
                o.kind() == SamplerKind.MALA ? null : constrained(where, null, d));
    }

    /**
     * Rejection rounds under the user's {@code given}; when they stop below {@link #MIN_ACCEPTANCE} and the
     * conditions hold single-valued clauses, the guided draw: those clauses added to {@code given} (so the sampler
     * draws p(rest | those values) instead of waiting for them) and rejection rounds on that, with key.fold(1);
     * with ranges only, the seeded draw ({@link #seeded}) on the {@code constrained} output coordinates (null for a
     * sampler that conditions all particles alike, mala: then refused).
     */
    private static Kept draw(int n, int w, Sampler sampler, RowTest test, Where where, Key key, Given given,
                             java.util.function.Function<List<String>, Given> asGiven, boolean[] constrained) {
        Kept plain = rounds(n, w, sampler.with(given, key), test, MIN_ACCEPTANCE);
        if (plain.rows() == n) {
            return plain;
        }
        List<String> single = where.singleValues();
        if (single.isEmpty() && constrained != null) {
            return seeded(n, w, sampler, test, where, key, given, constrained);
        }
        if (single.isEmpty()) {
            throw tooRare(where, n, plain);
        }
        Kept guided = rounds(n, w, sampler.with(union(given, asGiven.apply(single)), key.fold(1)), test, MIN_ACCEPTANCE);
        Kept out = new Kept(guided.drawn(), guided.rows(), guided.particles(), guided.satisfied(), guided.nonFinite(),
                guided.rounds(), single, plain, 0);
        if (guided.rows() < n) {
            throw tooRare(where, n, out);
        }
        return out;
    }

    /**
     * The seeded draw of the class comment: min(n, SEEDS) rows by rejection down to {@link #SEED_ACCEPTANCE}, then
     * rejection rounds (key.fold(2)) where particle p is drawn given the constrained coordinates of seed
     * ⌊u_p·S⌋, u_p = key.fold(3).uniform(p), and the user's {@code given}.
     */
    private static Kept seeded(int n, int w, Sampler sampler, RowTest test, Where where, Key key, Given given,
                               boolean[] constrained) {
        Kept seeds = rounds(Math.min(n, SEEDS), w, sampler.with(given, key), test, SEED_ACCEPTANCE);
        int s = seeds.rows();
        if (s == 0) {
            throw tooRare(where, n, seeds);
        }
        if (s == n) {
            return seeds;
        }
        double[] seedRows = seeds.drawn().points();
        Key pick = key.fold(3);
        Block block = (first, count) -> {
            boolean[] mask = new boolean[count * w];
            double[] values = new double[count * w];
            for (int i = 0; i < count; i++) {
                int src = Math.min(s - 1, (int) (pick.uniform(first + i) * s));
                for (int j = 0; j < w; j++) {
                    boolean user = given.isGiven(given.rows() == 1 ? 0 : i, j);
                    mask[i * w + j] = user || constrained[j];
                    values[i * w + j] = user ? given.value(given.rows() == 1 ? 0 : i, j)
                            : constrained[j] ? seedRows[src * w + j] : 0;
                }
            }
            return sampler.with(new Given(w, mask, values), key.fold(2)).draw(first, count);
        };
        Kept rest = rounds(n - s, w, block, test, MIN_ACCEPTANCE);
        double[] rows = java.util.Arrays.copyOf(seedRows, (s + rest.rows()) * w);
        System.arraycopy(rest.drawn().points(), 0, rows, s * w, rest.rows() * w);
        Kept out = new Kept(new ModelSampling.Drawn(rows, Double.NaN, 0, 0, rest.drawn().nfe()), s + rest.rows(),
                rest.particles(), rest.satisfied(), rest.nonFinite(), rest.rounds(), List.of(), seeds, s);
        if (out.rows() < n) {
            throw tooRare(where, n, out);
        }
        return out;
    }

    /** The output coordinates of the columns {@code where} constrains: a table column's whole block (with its indicator). */
    private static boolean[] constrained(Where where, TableSchema schema, int w) {
        boolean[] out = new boolean[w];
        for (Where.Condition c : where.conditions()) {
            int j = c.column();
            int from = schema == null ? j : schema.offset(j);
            int to = schema == null ? j + 1 : schema.offset(j + 1);
            java.util.Arrays.fill(out, from, to, true);
        }
        return out;
    }

    /**
     * The rejection rounds of the class comment: the first n satisfying rows of particles 0, 1, 2, …, or fewer when
     * the acceptance measured after a round is below {@code floor} while rows are still missing.
     */
    static Kept rounds(int n, int w, Block block, RowTest test, double floor) {
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
            nfe = d.nfe();
            rounds++;
            double a = satisfied / (double) particles;
            if (k < n && a < floor) {
                break;
            }
            next = (int) Math.min(MAX_BLOCK, Math.ceil(1.25 * (n - k) / a) + 16);
        }
        return new Kept(new ModelSampling.Drawn(java.util.Arrays.copyOf(kept, k * w), Double.NaN, 0, 0, nfe), k, particles,
                satisfied, nonFinite, rounds, List.of(), null, 0);
    }

    private static InputException tooRare(Where where, int n, Kept k) {
        String need = k.satisfied() == 0 ? "more than " + (long) n * k.particles() + " draws"
                : "about " + Math.round(n / k.acceptance()) + " draws";
        String guided = k.rejected() == null ? "" : k.seeds() > 0 ? String.format(Locale.ROOT, " given the "
                + "constrained columns of %d rows found by rejection", k.seeds())
                : String.format(Locale.ROOT, " with %s given (plain rejection: %d of %d)",
                String.join(",", k.conditioned()), k.rejected().satisfied(), k.rejected().particles());
        return new InputException(String.format(Locale.ROOT, "--where '%s': %d of %d rows drawn%s satisfy it (acceptance "
                        + "%.4f, below %.2f)%s; rejection would need %s for --n %d. %s Nothing was written.", where.text(),
                k.satisfied(), k.particles(), guided, k.acceptance(), MIN_ACCEPTANCE,
                k.nonFinite() > 0 ? "; " + k.nonFinite() + " rows were not finite (the chain diverged)" : "", need, n,
                k.rejected() == null ? "Widen the range, or fix a column's value with --given." : "Widen the range."));
    }

    /** The given coordinates of a and of b (one row each, disjoint), in one {@link Given}. */
    private static Given union(Given a, Given b) {
        boolean[] mask = a.mask();
        double[] values = a.values();
        for (int j = 0; j < mask.length; j++) {
            if (b.isGiven(0, j)) {
                mask[j] = true;
                values[j] = b.value(0, j);
            }
        }
        return new Given(a.d(), mask, values);
    }

    /**
     * A table model's rows tested as written: finite rows decoded to text cells (the user's {@code given} held, as
     * {@link TableSampling#decodeDrawn} will write them), each tested.
     */
    private static RowTest tableTest(TableSchema schema, Where where, Given given) {
        int w = schema.width();
        return (rows, count) -> {
            boolean[] ok = new boolean[count];
            int[] index = TableSampling.finiteRows(rows, count, w);
            TextTable decoded = TableSampling.decode(schema, java.util.Arrays.copyOf(rows, count * w), count, "--where",
                    given.rows() == 1 ? given : Given.none(w)).table();
            for (int i = 0; i < count; i++) {
                ok[i] = index[i] >= 0 && where.holds(decoded, index[i]);
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
                throw new InputException("--where '" + where.text() + "': column '" + NamedRows.shown(c.name())
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
