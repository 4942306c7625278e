/**
 * The deferred executor of {@code io.score4j.autodiff}: computes the values of graph
 * {@link io.score4j.autodiff.executor.Node}s on demand. Large elementwise results are not written
 * out: {@code Fusion} defers them (decided when a node is built) and fuses them, chunk by chunk
 * ({@code Plan}), into the products and sums that consume them; the
 * {@link io.score4j.autodiff.executor.Scheduler} computes not-deferred nodes first in creation
 * order, then runs consumers that read the same rows in one pass ({@code RowPass},
 * {@code RowConsumers}; the rest alone by {@code Eval} and {@code Reductions}), on the shared pool
 * with the {@link io.score4j.Parallelism} the caller passes. Buffers are typed: the classes are
 * generic in the buffer type {@code A} and take every dtype-specific kernel from the sealed
 * {@code Precision<A>} ({@code F32}: {@code float[]}, {@code F64}: {@code double[]}), so no buffer
 * is an {@code Object} told apart by {@code instanceof}. Kernels ({@code Kernels}, {@code Lanes},
 * {@code Accumulate}) write into caller-owned arrays, in summation orders fixed by shapes, so
 * values are bit-identical whatever the schedule or the thread count.
 *
 * <p>Knows ops only through {@link io.score4j.autodiff.executor.Op} and imports nothing from
 * {@code io.score4j.autodiff} (ArchitectureTest); nothing outside {@code io.score4j.autodiff}
 * imports it. Only the executor sets a node's value.
 */
package io.score4j.autodiff.executor;
