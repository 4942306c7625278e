package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.autodiff.executor.Fusion;
import io.score4j.autodiff.executor.Reductions;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * MATMUL and the sums on every code path (small-k products, row dots, affine rows, segmented aᵀ·b,
 * transposed operands; row, column, middle-axis and total sums), on shapes that cross chunk and
 * segment boundaries, each against a plain double loop. Operands are used as leaves and as
 * deferred nodes (×1, exact), which must give the same bits.
 *
 * <p>Bounds: any order of summing k products has error at most γ·Σ|aᵢbᵢ| where γ counts the
 * roundings along an element's path times u (2⁻⁵³ for F64, 2⁻²⁴ for F32, plus one u per rounded
 * F32 input). We use depth + 3 roundings with depth = k for products and, for sums, the segment
 * and lane structure documented in {@link Reductions}.
 */
final class ProductsAndSumsTest {
    private static final double U64 = 0x1p-53;
    private static final double U32 = 0x1p-24;

    @Test
    void matmulAgreesWithTheTextbookLoopOnEveryPath() {
        int[][] cases = {
            {5, 3, 20, 0, 0}, {300, 1, 70, 0, 0}, {300, 70, 1, 0, 0}, {130, 40, 5, 0, 0}, {130, 40, 33, 0, 0},
            {64, 1100, 1, 1, 0}, {1, 1100, 64, 1, 0}, {3, 1100, 5, 1, 0}, {7, 900, 2, 1, 0}, {300, 20, 300, 1, 0},
            {20, 30, 40, 0, 1}, {20, 30, 40, 1, 1}, {20, 3, 40, 1, 1}, {40, 30, 3, 0, 1}};
        for (int[] c : cases) {
            for (DType dt : DType.values()) {
                checkMatmul(c[0], c[1], c[2], c[3] == 1, c[4] == 1, dt);
            }
        }
    }

    private static void checkMatmul(int m, int k, int n, boolean ta, boolean tb, DType dt) {
        double[] a = Draw.normalDouble(Key.of(m * 31 + k), m * k);
        double[] b = Draw.normalDouble(Key.of(n * 17 + k), k * n);
        Tensor at = cast(Tensor.wrap(a, ta ? new int[] {k, m} : new int[] {m, k}), dt);
        Tensor bt = cast(Tensor.wrap(b, tb ? new int[] {n, k} : new int[] {k, n}), dt);
        Tensor leafResult = Var.leaf(at).gemm(Var.leaf(bt), ta, tb).value();
        Tensor deferredResult = deferred(() -> timesOne(at).gemm(timesOne(bt), ta, tb).value());
        String what = dt + " [" + m + "," + k + "]x[" + k + "," + n + "] ta=" + ta + " tb=" + tb;
        assertTrue(leafResult.bitEquals(deferredResult), what + ": leaf and deferred operands differ");
        double u = dt == DType.F64 ? U64 : U32;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double ref = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double x = at.get(ta ? p * m + i : i * k + p) * bt.get(tb ? j * k + p : p * n + j);
                    ref += x;
                    abs += Math.abs(x);
                }
                assertEquals(ref, leafResult.get(i * n + j), (k + 3) * u * abs + 1e-300, what);
            }
        }
    }

    @Test
    void sumsAgreeWithPlainLoops() {
        for (DType dt : DType.values()) {
            Tensor x = cast(Tensor.wrap(Draw.normalDouble(Key.of(3), 1100 * 64), 1100, 64), dt);
            checkSum(x, 0, dt);
            checkSum(x, 1, dt);
            checkSum(x, ALL, dt);
            checkSum(cast(Tensor.wrap(Draw.normalDouble(Key.of(4), 3 * 5000 * 4), 3, 5000, 4), dt), 1, dt);
            checkSum(cast(Tensor.wrap(Draw.normalDouble(Key.of(5), 70000), 70000), dt), 0, dt);
        }
    }

    private static final int ALL = -1;

    /** x.sum(axis), or x.sum() for {@link #ALL}, against sums by index arithmetic. */
    private static void checkSum(Tensor x, int axis, DType dt) {
        UnaryOperator<Var> f = axis == ALL ? Var::sum : v -> v.sum(axis);
        Tensor got = f.apply(Var.leaf(x)).value();
        Tensor viaDeferred = deferred(() -> f.apply(timesOne(x)).value());
        assertTrue(got.bitEquals(viaDeferred), "leaf and deferred inputs differ");
        int[] s = x.shape();
        int len = axis == ALL ? x.size() : s[axis];
        int inner = 1;
        for (int d = axis + 1; axis != ALL && d < s.length; d++) {
            inner *= s[d];
        }
        double[] ref = new double[got.size()];
        double[] abs = new double[got.size()];
        for (int e = 0; e < x.size(); e++) {
            int o = axis == ALL ? 0 : (e / (len * inner)) * inner + e % inner;
            ref[o] += x.get(e);
            abs[o] += Math.abs(x.get(e));
        }
        // lanes: at most SEGMENT/8 additions per lane, 3 to combine lanes, one per segment; a
        // column sum adds its segment's rows (SEGMENT/width ≤ SEGMENT/8 here) plus one per segment;
        // a middle axis is summed in order (len additions)
        boolean middle = axis > 0 && inner > 1;
        double depth = middle ? len
                : Math.min(len, Reductions.SEGMENT) / 8.0 + Math.ceil(len / (double) Reductions.SEGMENT) + 3;
        double u = dt == DType.F64 ? U64 : U32;
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], got.get(i), (depth + 2) * u * abs[i] + 1e-300, dt + " axis " + axis);
        }
    }

    static Var timesOne(Tensor t) {
        return Var.leaf(t).mul(1.0);
    }

    /** Evaluates {@code body} with every fusible node deferred. */
    static <T> T deferred(java.util.function.Supplier<T> body) {
        int saved = Fusion.setDeferMin(1);
        try {
            return body.get();
        } finally {
            Fusion.setDeferMin(saved);
        }
    }

    private static Tensor cast(Tensor t, DType dt) {
        return t.astype(dt);
    }
}
