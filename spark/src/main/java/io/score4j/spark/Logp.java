package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.likelihood.Likelihood;
import io.score4j.likelihood.LikelihoodResult;
import io.score4j.likelihood.LikelihoodSettings;
import io.score4j.likelihood.Trace;
import io.score4j.ode.Dopri5;
import io.score4j.ode.OdeFailure;
import io.score4j.train.ModelLikelihood;
import io.score4j.train.ScoreModel;

/**
 * {@link ModelLikelihood#logp} as a {@link RowFunction}: columns logp and nfe (the ODE's network evaluations, as a
 * double), per row. Hutchinson probes are keyed by the row's global index (the {@code firstIndex} of
 * {@link #apply(ScoreModel, double[], int, long)}), so the values equal the local run's bit for bit whatever the
 * partitioning; each task integrates on one thread (rows are independent of threads). The refusals (an ODE that
 * fails, a non-finite logp) are {@code logp}'s word for word, the row counted over the whole file.
 *
 * @param source the CSV as the command names it (for messages)
 * @param hutchinson whether the divergence is Hutchinson's estimate (else exact)
 * @param probe {@link Trace.Probe} name; probes, seed: Hutchinson's (ignored for the exact trace)
 * @param rtol RK45 tolerances; eps: the ODE's start time
 */
record Logp(String source, boolean hutchinson, String probe, int probes, long seed, double rtol, double atol, double eps)
        implements RowFunction {
    private static final long serialVersionUID = 1L;

    Logp {
        Trace.Probe.valueOf(probe);
        new LikelihoodSettings(Dopri5.of(rtol, atol), eps);
        trace();
    }

    /** The divergence estimator these fields describe. */
    Trace trace() {
        return hutchinson ? Trace.hutchinson(Trace.Probe.valueOf(probe), probes, seed) : Trace.exact();
    }

    @Override
    public String[] columns(ScoreModel m) {
        return new String[] {"logp", "nfe"};
    }

    /** Rows numbered from 0: only for the exact trace, whose values do not depend on the row's index. */
    @Override
    public double[] apply(ScoreModel m, double[] points, int n) {
        if (hutchinson) {
            throw new IllegalStateException("Hutchinson's logp keys its probes by the row's global index: use the "
                    + "indexed apply (SparkRows.ofCsv)");
        }
        return apply(m, points, n, 0);
    }

    @Override
    public double[] apply(ScoreModel m, double[] points, int n, long firstIndex) {
        ModelLikelihood.sde(m, source, "logp");
        LikelihoodResult r;
        try {
            r = Likelihood.network(m.network(), m.standardizer(), trace(), points, Math.toIntExact(firstIndex),
                    new LikelihoodSettings(Dopri5.of(rtol, atol), eps), Parallelism.of(1));
        } catch (OdeFailure e) {
            throw new InputException(source + ": data row " + (e.id() + 1) + ": the probability-flow ODE could not be "
                    + "integrated (" + e.getMessage() + "); nothing was written");
        }
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = r.logp()[i];
            out[2 * i + 1] = r.nfe()[i];
        }
        return out;
    }

    @Override
    public void requireFinite(ScoreModel m, double[] out, long firstRow, String ignored) {
        for (int i = 0; i < out.length; i += 2) {
            if (!Double.isFinite(out[i])) {
                throw new InputException(source + ": data row " + (firstRow + i / 2) + ": its log-likelihood is not "
                        + "finite (the point is too far from the data); nothing was written");
            }
        }
    }
}
