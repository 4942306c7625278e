package io.score4j.ode;

/**
 * What integrating a batch of ODEs cost, per row.
 *
 * @param evaluations evaluations of F for each row (the NFE), shape [n]
 * @param steps       accepted steps of each row, shape [n]
 * @param rejected    rejected step attempts of each row (always 0 for fixed-step solvers), shape [n]
 */
public record OdeResult(int[] evaluations, int[] steps, int[] rejected) {
    public OdeResult {
        if (evaluations.length != steps.length || steps.length != rejected.length) {
            throw new IllegalArgumentException("evaluations, steps and rejected must have one entry per row, got "
                    + evaluations.length + ", " + steps.length + " and " + rejected.length);
        }
        evaluations = evaluations.clone();
        steps = steps.clone();
        rejected = rejected.clone();
    }

    /** Rows. */
    public int rows() {
        return evaluations.length;
    }

    @Override
    public int[] evaluations() {
        return evaluations.clone();
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public int[] rejected() {
        return rejected.clone();
    }

    /** Σ evaluations over rows. */
    public long totalEvaluations() {
        long s = 0;
        for (int e : evaluations) {
            s += e;
        }
        return s;
    }

    /** The mean NFE per row (0 for no rows). */
    public double meanEvaluations() {
        return evaluations.length == 0 ? 0 : (double) totalEvaluations() / evaluations.length;
    }

    /** The largest NFE of a row (0 for no rows). */
    public int maxEvaluations() {
        int m = 0;
        for (int e : evaluations) {
            m = Math.max(m, e);
        }
        return m;
    }
}
