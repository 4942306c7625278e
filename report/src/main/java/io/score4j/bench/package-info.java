/**
 * Timing of the founding pipeline's phases (training step, generic training, score evaluation,
 * Langevin sampling generic and fused, the whole pipeline) on the seed's problem or a D-dimensional
 * standard normal: {@link io.score4j.bench.BenchPhases#run} times one {@link io.score4j.bench.BenchPhase}
 * under {@link io.score4j.bench.BenchSettings} and returns a {@link io.score4j.bench.BenchResult}.
 * The CLI's {@code bench} command renders the results as a table or JSON.
 */
package io.score4j.bench;
