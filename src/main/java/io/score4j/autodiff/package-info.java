/**
 * Reverse- and forward-mode automatic differentiation over {@link io.score4j.tensor.Tensor}s
 * (F32 and F64) with a small closed set of {@link io.score4j.autodiff.Primitive}s whose JVP and
 * VJP rules ({@code RuleTable}) are themselves written in primitives, so derivatives of any order
 * compose. Users build graphs with {@link io.score4j.autodiff.Var} and transform them with
 * {@link io.score4j.autodiff.Autodiff}; the kernels ({@code Elementwise}, {@code Kernels}) are
 * package-private and write into caller-owned arrays.
 */
package io.score4j.autodiff;
