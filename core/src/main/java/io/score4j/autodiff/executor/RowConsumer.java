package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import io.score4j.tensor.Tensor;

/**
 * A non-fusible node (a matrix product or a sum) computed by reading its large inputs as blocks
 * of rows, so that {@link RowPass} can feed several such nodes that read the same rows from one
 * evaluation of their deferred inputs. Row inputs are viewed as row-major [{@link #rows()}, w]
 * with w = size / rows.
 *
 * <p>Results never depend on how rows are chunked; those that sum over rows (segmented sums)
 * depend only on {@link #segmentRows()}, which depends only on shapes. So a node gets the same
 * bits alone or in a batch, whatever the thread count.
 *
 * @param <A> the buffer type of the node's {@link Precision}
 */
sealed interface RowConsumer<A> permits RowConsumers.Product, RowConsumers.ProductSum, RowConsumers.ColumnSum,
        RowConsumers.RowSum {
    /** Smallest segment of a segmented sum, in rows. */
    int MIN_SEGMENT_ROWS = 64;
    /** Most segments a sum over many rows is cut into (more rows per segment beyond). */
    int MAX_SEGMENTS = 256;
    /** Most elements of partial results one segmented sum may hold. */
    int PARTIAL_CAP = 1 << 20;

    /** The node this computes. */
    Node node();

    /** The number of rows every row input has. */
    int rows();

    /** Inputs read row by row. */
    Node[] rowInputs();

    /** Rows per segment when the result is a sum over rows, else 0 (any blocking gives the same bits). */
    int segmentRows();

    /**
     * Computes other inputs (with {@code parallelism}) and allocates outputs for {@code blocks}
     * blocks; runs in the calling thread.
     */
    void start(int blocks, Parallelism parallelism);

    /**
     * Consumes rows [row, row + count) of block {@code block}: row input i's rows start at
     * {@code in[i][off[i]]}. Called from several threads at once for different blocks; writes
     * only this block's part of the output.
     */
    void consume(int block, int row, int count, A[] in, int[] off);

    /** The value, once every block has been consumed (partials combined with {@code parallelism}). */
    Tensor finish(Parallelism parallelism);

    /** Rows per segment of a sum over {@code rows} rows into {@code outSize} elements: shapes alone decide. */
    static int segmentRows(int rows, long outSize) {
        long seg = Math.max(MIN_SEGMENT_ROWS, (rows + MAX_SEGMENTS - 1L) / MAX_SEGMENTS);
        seg = Math.max(seg, (rows * Math.max(1, outSize) + PARTIAL_CAP - 1) / PARTIAL_CAP);
        seg = (seg + MIN_SEGMENT_ROWS - 1) / MIN_SEGMENT_ROWS * MIN_SEGMENT_ROWS;
        return (int) Math.min(seg, Integer.MAX_VALUE / 2);
    }
}
