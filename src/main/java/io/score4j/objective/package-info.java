/**
 * Score-matching objectives behind the sealed {@link io.score4j.objective.Objective} interface.
 * {@link io.score4j.objective.ExactScoreMatching} is the generic-autodiff path for any dimension
 * and depth; results are the records {@link io.score4j.objective.LossAndGrad} and
 * {@link io.score4j.objective.PerExample}.
 */
package io.score4j.objective;
