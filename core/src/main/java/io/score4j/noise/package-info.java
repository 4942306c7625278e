/**
 * Noise: how data are perturbed for noise-conditional score matching, as one type shared by the
 * objective, the model file and the samplers. Today the discrete ladder {@link io.score4j.noise.NoiseLadder}
 * (NCSN); the score SDEs (VE, VP, sub-VP) belong here next, the ladder being the VE SDE discretised.
 * Depends on nothing else in score4j.
 */
package io.score4j.noise;
