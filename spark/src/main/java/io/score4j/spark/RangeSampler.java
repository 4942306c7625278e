package io.score4j.spark;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerKind;
import io.score4j.sampling.DataRange;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import java.io.Serializable;

/**
 * Draws particles [first, first + count) of one sampling run, bit for bit those rows of the whole run (start and
 * noise are keyed by the global particle index: {@link ModelSampling#fromModel(io.score4j.train.ScoreModel, long,
 * int, SamplingPlan, Key, ModelSampling.Progress)}). A sampler added to {@link ModelSampling} with the same range
 * contract (the score SDEs' samplers) is split over partitions by one more implementation.
 */
public interface RangeSampler extends Serializable {
    /** The dimension of a particle. */
    int dim();

    /** Particles [first, first + count), flat [count, dim], original units; each task runs its ranges with one thread. */
    double[] sample(long first, int count);

    /** Score evaluations per particle ({@code ModelSampling.Drawn#nfe}), from a one-particle run on the caller. */
    default long nfe() {
        return draw(0, 1).nfe();
    }

    /** How many rows of {@code points} (original units, as {@link #sample} returns them) left the data's range. */
    int escaped(double[] points);

    /** Particles [first, first + count) with the local run's bookkeeping. */
    ModelSampling.Drawn draw(long first, int count);

    /** The model's sampler with {@code plan} (its thread count is ignored: one per task) and the run's key. */
    static RangeSampler model(ModelBytes model, SamplingPlan plan, Key key) {
        return new OfModel(model, Plan.of(plan), key.hi(), key.lo());
    }

    /** The mixture's exact-score sampler ({@code mixtureJson}: its JSON text); MALA runs only whole. */
    static RangeSampler mixture(String mixtureJson, String name, SamplingPlan plan, Key key) {
        GaussianMixture.fromJson(mixtureJson, name);
        return new OfMixture(mixtureJson, name, Plan.of(plan), key.hi(), key.lo());
    }

    /** {@link SamplingPlan} as a serializable value (records are not serializable unless they say so). */
    record Plan(SamplerKind kind, int steps, Double stepSize, double startLow, double startHigh, Double sigmaMax,
                Double sigmaMin, Integer levels, String sde, Double snr, Double eps) implements Serializable {
        private static final long serialVersionUID = 2L;

        static Plan of(SamplingPlan p) {
            return new Plan(p.kind(), p.steps(), p.stepSize(), p.startLow(), p.startHigh(), p.sigmaMax(), p.sigmaMin(),
                    p.levels(), p.sde(), p.snr(), p.eps());
        }

        SamplingPlan plan() {
            return new SamplingPlan(kind, steps, stepSize, startLow, startHigh, sigmaMax, sigmaMin, levels, Parallelism.single(),
                    sde, snr, eps);
        }
    }

    /** Ranges of {@link ModelSampling#fromModel}. */
    record OfModel(ModelBytes model, Plan plan, long keyHi, long keyLo) implements RangeSampler {
        private static final long serialVersionUID = 1L;

        @Override
        public int dim() {
            return model.model().dim();
        }

        @Override
        public double[] sample(long first, int count) {
            return draw(first, count).points();
        }

        @Override
        public ModelSampling.Drawn draw(long first, int count) {
            return ModelSampling.fromModel(model.model(), first, count, plan.plan(), new Key(keyHi, keyLo),
                    ModelSampling.Progress.NONE);
        }

        @Override
        public int escaped(double[] points) {
            int d = dim();
            return DataRange.standardised(d).escaped(model.model().standardizer().apply(points), d);
        }
    }

    /** Ranges of {@link ModelSampling#fromMixture}. */
    record OfMixture(String json, String name, Plan plan, long keyHi, long keyLo) implements RangeSampler {
        private static final long serialVersionUID = 1L;

        @Override
        public int dim() {
            return GaussianMixture.fromJson(json, name).dim();
        }

        @Override
        public double[] sample(long first, int count) {
            return draw(first, count).points();
        }

        @Override
        public ModelSampling.Drawn draw(long first, int count) {
            return ModelSampling.fromMixture(GaussianMixture.fromJson(json, name), first, count, plan.plan(),
                    new Key(keyHi, keyLo), ModelSampling.Progress.NONE);
        }

        @Override
        public int escaped(double[] points) {
            return DataRange.of(GaussianMixture.fromJson(json, name)).escaped(points, dim());
        }
    }
}
