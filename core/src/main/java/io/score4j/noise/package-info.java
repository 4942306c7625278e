/**
 * Noise: how data are perturbed, as one type shared by objectives, the model file and the samplers: the
 * discrete ladder {@link io.score4j.noise.NoiseLadder} (NCSN) and the score SDEs {@link io.score4j.noise.Sde}
 * (VE, VP, sub-VP), the ladder being the VE SDE discretised. Depends on nothing else in score4j.
 */
package io.score4j.noise;
