/**
 * Reverse- and forward-mode automatic differentiation over {@link io.score4j.tensor.Tensor}s
 * (F32 and F64) with a small closed set of {@link io.score4j.autodiff.Primitive}s. Each primitive
 * is defined in one place, its constant's body: shape rule, F64/F32 kernels, JVP and VJP rules
 * (written in primitives, so derivatives of any order compose; {@code RuleTable} is the table of
 * them) and fusibility. Users build graphs with {@link io.score4j.autodiff.Var} and transform them
 * with {@link io.score4j.autodiff.Autodiff}.
 *
 * <p>Building a node computes nothing. The deferred executor, fenced in
 * {@link io.score4j.autodiff.executor}, computes values on demand: it sees a graph only as
 * {@link io.score4j.autodiff.executor.Node}s (which {@code Var} extends) and an op only as an
 * {@link io.score4j.autodiff.executor.Op} (which {@code Primitive} implements), and imports nothing
 * from this package. The threads are an argument: {@code Var.value(Parallelism)} and the
 * {@link io.score4j.Parallelism} overloads of {@code Autodiff}'s transforms (the others use
 * {@link io.score4j.Parallelism#available()}). Values are bit-identical whatever the schedule or
 * the thread count.
 */
package io.score4j.autodiff;
