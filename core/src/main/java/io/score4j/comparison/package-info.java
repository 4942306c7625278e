/**
 * One comparison suite for samples against a reference: {@link io.score4j.comparison.Comparison}
 * computes every two-sample (or sample-to-mixture) statistic score4j reports, with one set of
 * {@link io.score4j.comparison.ComparisonSettings}, and returns a
 * {@link io.score4j.comparison.ComparisonResult} whose headline numbers carry their units and a
 * one-line meaning ({@link io.score4j.comparison.Metric}). {@code score4j eval} and
 * {@code score4j report} both call it with the same defaults, so the same inputs and seed give the
 * same numbers in both.
 *
 * <p>Sits above {@code metrics} (the estimators), {@code data} (datasets, mixture draws) and
 * {@code density} (the mixture); nothing below imports it.
 */
package io.score4j.comparison;
