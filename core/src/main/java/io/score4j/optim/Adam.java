package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam moments with bias correction, the update multiplied by {@code factor}:
 * with t = count + 1,
 * <pre>
 *   m ← β₁·m + (1−β₁)·g
 *   v ← β₂·v + ((1−β₂)·g)·g
 *   u = (factor/(1−β₁ᵗ) · m) / (sqrt(v) / sqrt(1−β₂ᵗ) + ε)
 * </pre>
 * i.e. u = factor · m̂ / (sqrt(v̂) + ε). factor = −lr is {@code adam(lr)}; factor = 1 is optax's
 * {@code scale_by_adam}. The evaluation order is torch.optim.Adam's single-tensor path
 * ({@code exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1−β₂)}, {@code denom = sqrt(v)/sqrt(bc₂) + ε},
 * {@code addcdiv_(m, denom, value=−lr/bc₁)}), with scalars rounded to the leaf's precision as torch does.
 * The one knowing difference: torch ≥ 2.0 computes m with {@code lerp_(g, 1−β₁)}, i.e. m + (1−β₁)(g − m),
 * which can differ from β₁·m + (1−β₁)·g in the last bit.
 * State names: {@code adam.count} (F64 scalar), {@code adam.mu.<param>}, {@code adam.nu.<param>}.
 */
record Adam(double factor, double b1, double b2, double eps) implements Optimizer<AdamState> {
    static final String COUNT = "adam.count";
    static final String MU = "adam.mu.";
    static final String NU = "adam.nu.";

    Adam {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite, got " + factor);
        }
        checkBeta("b1", b1);
        checkBeta("b2", b2);
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and >= 0, got " + eps);
        }
    }

    private static void checkBeta(String name, double b) {
        if (!(b >= 0 && b < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + b);
        }
    }

    @Override
    public AdamState init(Params params) {
        return new AdamState(0, Leaves.zerosLike(params), Leaves.zerosLike(params));
    }

    @Override
    public Update<AdamState> update(Params grads, AdamState state, Params params) {
        Leaves.checkLike("grad", grads, params);
        Leaves.checkLike("adam mu", state.mu(), params);
        long t = state.count() + 1;
        double bc1 = 1 - StrictMath.pow(b1, t);
        double bc2 = 1 - StrictMath.pow(b2, t);
        double stepSize = factor / bc1;
        double bc2Sqrt = Math.sqrt(bc2);
        List<String> names = params.names();
        int L = names.size();
        Tensor[] mu = new Tensor[L];
        Tensor[] nu = new Tensor[L];
        Tensor[] up = new Tensor[L];
        for (int k = 0; k < L; k++) {
            String name = names.get(k);
            Tensor g = grads.get(name);
            int[] shape = g.shape();
            if (g.dtype() == DType.F32) {
                float[][] r = step32(g.data32(), state.mu().get(name).data32(), state.nu().get(name).data32(),
                        (float) stepSize, (float) bc2Sqrt);
                mu[k] = Tensor.wrap(r[0], shape);
                nu[k] = Tensor.wrap(r[1], shape);
                up[k] = Tensor.wrap(r[2], shape);
            } else {
                double[][] r = step64(g.data64(), state.mu().get(name).data64(), state.nu().get(name).data64(),
                        stepSize, bc2Sqrt);
                mu[k] = Tensor.wrap(r[0], shape);
                nu[k] = Tensor.wrap(r[1], shape);
                up[k] = Tensor.wrap(r[2], shape);
            }
        }
        AdamState next = new AdamState(t, Leaves.build(names, mu), Leaves.build(names, nu));
        return new Update<>(Leaves.build(names, up), next);
    }

    /** Returns {m', v', u} as fresh arrays; the inputs are only read. */
    private float[][] step32(float[] g, float[] m, float[] v, float stepSize, float bc2Sqrt) {
        float beta1 = (float) b1, oneMinusB1 = (float) (1 - b1);
        float beta2 = (float) b2, oneMinusB2 = (float) (1 - b2);
        float epsF = (float) eps;
        int n = g.length;
        float[] mo = new float[n], vo = new float[n], u = new float[n];
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + oneMinusB1 * gi;
            float vi = beta2 * v[i] + oneMinusB2 * gi * gi;
            float denom = (float) Math.sqrt(vi) / bc2Sqrt + epsF;
            mo[i] = mi;
            vo[i] = vi;
            u[i] = stepSize * mi / denom;
        }
        return new float[][] {mo, vo, u};
    }

    private double[][] step64(double[] g, double[] m, double[] v, double stepSize, double bc2Sqrt) {
        double oneMinusB1 = 1 - b1, oneMinusB2 = 1 - b2;
        int n = g.length;
        double[] mo = new double[n], vo = new double[n], u = new double[n];
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + oneMinusB1 * gi;
            double vi = b2 * v[i] + oneMinusB2 * gi * gi;
            double denom = Math.sqrt(vi) / bc2Sqrt + eps;
            mo[i] = mi;
            vo[i] = vi;
            u[i] = stepSize * mi / denom;
        }
        return new double[][] {mo, vo, u};
    }

    @Override
    public Map<String, Tensor> stateTensors(AdamState state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(COUNT, Tensor.scalar(DType.F64, state.count()));
        Leaves.put(out, MU, state.mu());
        Leaves.put(out, NU, state.nu());
        return out;
    }

    @Override
    public AdamState restoreState(Map<String, Tensor> tensors, Params params) {
        Tensor c = Leaves.require(tensors, COUNT);
        double count = c.item();
        if (!(count >= 0) || count != Math.rint(count) || count > 0x1p53) {
            throw new IllegalArgumentException("state tensor '" + COUNT + "' must hold a whole number >= 0, got " + count);
        }
        return new AdamState((long) count, Leaves.read(tensors, MU, params), Leaves.read(tensors, NU, params));
    }
}
