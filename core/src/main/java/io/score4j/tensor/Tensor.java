package io.score4j.tensor;

import java.util.Arrays;

/**
 * A dense, row-major, immutable tensor of float32 or float64 elements.
 *
 * <p>Storage is one flat primitive array ({@code float[]} for {@link DType#F32}, {@code double[]}
 * for {@link DType#F64}); the other array is {@code null}. Shape {@code []} is a scalar (size 1).
 *
 * <p>Immutability is by contract: {@link #data32()} and {@link #data64()} expose the backing array
 * without a copy so kernels can read it at full speed; callers must never write to it.
 * Factories named {@code wrap} take ownership of the array passed in (the caller must not modify
 * it afterwards); {@code of} copies.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final int size;
    private final float[] f32;
    private final double[] f64;

    private Tensor(DType dtype, int[] shape, float[] f32, double[] f64) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.size = sizeOf(this.shape);
        this.f32 = f32;
        this.f64 = f64;
        int len = f32 != null ? f32.length : f64.length;
        if (len != size) {
            throw new IllegalArgumentException(
                    "data length " + len + " does not match shape " + Arrays.toString(shape) + " (size " + size + ")");
        }
    }

    /** Wraps {@code data} (no copy; caller gives up the array) as an F32 tensor of {@code shape}. */
    public static Tensor wrap(float[] data, int... shape) {
        return new Tensor(DType.F32, shape, data, null);
    }

    /** Wraps {@code data} (no copy; caller gives up the array) as an F64 tensor of {@code shape}. */
    public static Tensor wrap(double[] data, int... shape) {
        return new Tensor(DType.F64, shape, null, data);
    }

    /** An F32 tensor holding a copy of {@code data}. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** An F64 tensor holding a copy of {@code data}. */
    public static Tensor of(double[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(DType dtype, int... shape) {
        int n = sizeOf(shape);
        return dtype == DType.F32 ? wrap(new float[n], shape) : wrap(new double[n], shape);
    }

    /** A tensor of {@code shape} with every element equal to {@code value}. */
    public static Tensor full(DType dtype, double value, int... shape) {
        int n = sizeOf(shape);
        if (dtype == DType.F32) {
            float[] a = new float[n];
            Arrays.fill(a, (float) value);
            return wrap(a, shape);
        }
        double[] a = new double[n];
        Arrays.fill(a, value);
        return wrap(a, shape);
    }

    /** A scalar (shape {@code []}). */
    public static Tensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Extent of axis {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    /** Number of elements (1 for a scalar). */
    public int size() {
        return size;
    }

    /** Element at flat row-major index {@code i}, widened to double. */
    public double get(int i) {
        return f32 != null ? f32[i] : f64[i];
    }

    /** The single element of a size-1 tensor. */
    public double item() {
        if (size != 1) {
            throw new IllegalStateException("item() needs a size-1 tensor, shape is " + Arrays.toString(shape));
        }
        return get(0);
    }

    /** Backing F32 array (no copy, do not modify); throws if this tensor is F64. */
    public float[] data32() {
        if (f32 == null) {
            throw new IllegalStateException("tensor is F64, not F32");
        }
        return f32;
    }

    /** Backing F64 array (no copy, do not modify); throws if this tensor is F32. */
    public double[] data64() {
        if (f64 == null) {
            throw new IllegalStateException("tensor is F32, not F64");
        }
        return f64;
    }

    /** A fresh copy of the elements as doubles. */
    public double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** A fresh copy of the elements as floats (rounded if F64). */
    public float[] toFloatArray() {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) get(i);
        }
        return out;
    }

    /** This tensor converted to {@code target} (returns {@code this} when already of that type). */
    public Tensor astype(DType target) {
        if (target == dtype) {
            return this;
        }
        return target == DType.F32 ? wrap(toFloatArray(), shape) : wrap(toDoubleArray(), shape);
    }

    /** The same elements under a new shape of equal size (shares the backing array). */
    public Tensor reshape(int... newShape) {
        return f32 != null ? new Tensor(dtype, newShape, f32, null) : new Tensor(dtype, newShape, null, f64);
    }

    /** Whether shapes, dtypes and every element bit pattern are equal. */
    public boolean bitEquals(Tensor o) {
        return dtype == o.dtype && Arrays.equals(shape, o.shape)
                && (f32 != null ? Arrays.equals(f32, o.f32) : Arrays.equals(f64, o.f64));
    }

    /** Product of the extents; rejects negative extents. */
    public static int sizeOf(int... shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative extent in shape " + Arrays.toString(shape));
            }
            n *= s;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape too large: " + Arrays.toString(shape));
            }
        }
        return (int) n;
    }

    @Override
    public String toString() {
        return "Tensor(" + dtype + ", " + Arrays.toString(shape) + ")";
    }
}
