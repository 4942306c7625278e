package io.score4j.data;

import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * n points in dimension d with named columns, stored flat and row-major: point i occupies
 * {@code values[i*d … i*d + d)}, column j of point i is {@code values[i*d + j]}.
 *
 * <p>Validated in the compact constructor ({@link IllegalArgumentException} naming the field):
 * d ≥ 1, n ≥ 0, {@code columns.length == d} with non-blank, distinct names, and
 * {@code values.length == n*d}. Values are not required to be finite here (model samples may
 * diverge); {@link Csv#read} only ever produces finite values.
 *
 * <p>Immutable by contract, like {@link Tensor}: {@code columns} is copied, but {@code values} is
 * taken over without a copy and returned without a copy (it can be millions of numbers); callers
 * must not modify it. {@code equals}/{@code hashCode} compare contents.
 *
 * @param columns column names, shape [d]
 * @param n       number of points (rows)
 * @param d       dimension (columns)
 * @param values  flat row-major data, shape [n*d]
 */
public record Dataset(String[] columns, int n, int d, double[] values) {

    public Dataset {
        if (d < 1) {
            throw new IllegalArgumentException("dataset d must be >= 1, got " + d);
        }
        if (n < 0) {
            throw new IllegalArgumentException("dataset n must be >= 0, got " + n);
        }
        if (columns == null || columns.length != d) {
            throw new IllegalArgumentException("dataset columns must have length d=" + d + ", got "
                    + (columns == null ? "null" : columns.length));
        }
        if (values == null || (long) n * d != values.length) {
            throw new IllegalArgumentException("dataset values must have length n*d=" + (long) n * d + ", got "
                    + (values == null ? "null" : values.length));
        }
        columns = columns.clone();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < d; j++) {
            if (columns[j] == null || columns[j].isBlank()) {
                throw new IllegalArgumentException("dataset columns[" + j + "] must be a non-blank name");
            }
            if (!seen.add(columns[j])) {
                throw new IllegalArgumentException("dataset columns has duplicate name '" + columns[j] + "'");
            }
        }
    }

    /** A dataset over {@code values} (length a multiple of d) with columns {@link #defaultColumns(int)}. */
    public static Dataset of(int d, double[] values) {
        if (d < 1 || values.length % d != 0) {
            throw new IllegalArgumentException("values length " + values.length + " is not a multiple of d=" + d);
        }
        return new Dataset(defaultColumns(d), values.length / d, d, values);
    }

    /** Column names x0, x1, …, x(d−1). */
    public static String[] defaultColumns(int d) {
        String[] c = new String[d];
        for (int j = 0; j < d; j++) {
            c[j] = "x" + j;
        }
        return c;
    }

    /** A copy of the column names, shape [d]. */
    @Override
    public String[] columns() {
        return columns.clone();
    }

    /** Index of the column called {@code name}, or −1. */
    public int columnIndex(String name) {
        for (int j = 0; j < d; j++) {
            if (columns[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** A copy of column j, shape [n]. */
    public double[] column(int j) {
        if (j < 0 || j >= d) {
            throw new IndexOutOfBoundsException("column " + j + " out of range for d=" + d);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i * d + j];
        }
        return out;
    }

    /** A copy of row i, shape [d]. */
    public double[] row(int i) {
        return Arrays.copyOfRange(values, i * d, i * d + d);
    }

    /** The values rounded to float, shape [n*d]. */
    public float[] toFloatArray() {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** An F64 tensor of shape [n, d] over a copy of the values. */
    public Tensor toTensor() {
        return Tensor.of(values, n, d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset ds && n == ds.n && d == ds.d
                && Arrays.equals(columns, ds.columns) && Arrays.equals(values, ds.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(columns) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Dataset[columns=" + Arrays.toString(columns) + ", n=" + n + ", d=" + d + "]";
    }
}
