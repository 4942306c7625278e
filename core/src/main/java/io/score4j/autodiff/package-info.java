/**
 * Reverse- and forward-mode automatic differentiation over {@link io.score4j.tensor.Tensor}s
 * (F32 and F64) with a small closed set of {@link io.score4j.autodiff.Primitive}s whose JVP and
 * VJP rules ({@code RuleTable}) are themselves written in primitives, so derivatives of any order
 * compose. Users build graphs with {@link io.score4j.autodiff.Var} and transform them with
 * {@link io.score4j.autodiff.Autodiff}; the kernels ({@code Elementwise}, {@code Kernels},
 * {@code Lanes}, {@code Accumulate}) are package-private and write into caller-owned arrays.
 *
 * <p>Large elementwise results are not written out: {@code Fusion} defers them and fuses them,
 * chunk by chunk ({@code Plan}), into the products and sums that consume them, and the
 * {@code Scheduler} runs consumers that read the same rows in one pass ({@code RowPass}), over a
 * shared pool of threads ({@code Parallel}, sized by {@link io.score4j.autodiff.Autodiff#setThreads}).
 * Values are bit-identical whatever the schedule or the thread count.
 */
package io.score4j.autodiff;
