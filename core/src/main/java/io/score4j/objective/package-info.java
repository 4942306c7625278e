/**
 * Score-matching objectives behind the sealed {@link io.score4j.objective.Objective} interface, all
 * on the generic autodiff engine for any dimension D and MLP depth:
 * {@link io.score4j.objective.ExactScoreMatching} (½‖s‖² + tr ∂s/∂x, O(D) JVPs),
 * {@link io.score4j.objective.SlicedScoreMatching} (vᵀ(∂s/∂x)v + ½(vᵀs)² or, variance-reduced,
 * + ½‖s‖²; O(M) JVPs for M projections of a {@link io.score4j.objective.Projection} law),
 * {@link io.score4j.objective.DenoisingScoreMatching} (½‖σ·s(x + σz) + z‖²) and
 * {@link io.score4j.objective.NoiseConditionalScoreMatching} (½‖net([x + σz, log σ]) + z‖² over a
 * noise ladder). Results are the records {@link io.score4j.nn.LossAndGrad} and
 * {@link io.score4j.objective.PerExample}. Stochastic objectives draw example b's randomness from
 * {@code key.child(b)} (or a fixed child of the key, then child b), so the batch and per-example
 * paths see the same draws and a key determines the bits.
 */
package io.score4j.objective;
