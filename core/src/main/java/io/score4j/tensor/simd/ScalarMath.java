package io.score4j.tensor.simd;

import io.score4j.tensor.Activation;

/** Plain-Java {@link MathProvider}: the fallback where the Vector API module is absent or disabled. */
final class ScalarMath implements MathProvider {
    static final ScalarMath INSTANCE = new ScalarMath();

    private ScalarMath() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void exp(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Approx.exp(in[i]);
        }
    }

    @Override
    public void softplus(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Approx.softplus(in[i]);
        }
    }

    @Override
    public void sigmoid(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Approx.sigmoid(in[i]);
        }
    }

    @Override
    public void softplusAndSigmoid(float[] in, float[] softplus, float[] sigmoid, int from, int to) {
        for (int i = from; i < to; i++) {
            float h = in[i];
            float e = Approx.expNonPositive(-Math.abs(h));
            float r = 1f / (1f + e);
            softplus[i] = Math.max(h, 0f) + Approx.log1pUnit(e);
            sigmoid[i] = h >= 0f ? r : e * r;
        }
    }

    @Override
    public void tanh(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Approx.tanh(in[i]);
        }
    }

    @Override
    public void silu(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Approx.silu(in[i]);
        }
    }

    @Override
    public void relu(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.max(in[i], 0f);
        }
    }

    @Override
    public void applyWithDerivatives(Activation f, float[] in, float[] value, float[] d1, float[] d2,
                                     int from, int to) {
        switch (f) {
            case SOFTPLUS -> { for (int i = from; i < to; i++) Approx.softplusDerivs(in[i], value, d1, d2, i); }
            case TANH -> { for (int i = from; i < to; i++) Approx.tanhDerivs(in[i], value, d1, d2, i); }
            case SILU -> { for (int i = from; i < to; i++) Approx.siluDerivs(in[i], value, d1, d2, i); }
            case RELU -> { for (int i = from; i < to; i++) Approx.reluDerivs(in[i], value, d1, d2, i); }
        }
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return FixedOrder.dot(a, aOff, b, bOff, n);
    }

    @Override
    public void rowDots(float[] a, int aOff, int rows, float[] b, int bOff, int cols, int n, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                out[outOff + r * cols + j] = dot(a, aOff + r * n, b, bOff + j * n, n);
            }
        }
    }

    @Override
    public void affineRows(float[] x, int xOff, int rows, int in, float[] w, float[] bias, float[] out, int outOff, int n) {
        for (int r = 0; r < rows; r++) {
            int o = outOff + r * n;
            int xr = xOff + r * in;
            for (int k = 0; k < n; k++) {
                float acc = bias == null ? 0f : bias[k];
                for (int j = 0; j < in; j++) {
                    acc = Math.fma(x[xr + j], w[j * n + k], acc);
                }
                out[o + k] = acc;
            }
        }
    }

    @Override
    public void accumulateRows(float[] m, int mOff, int rows, int n, float[] weights, int wOff, int wStride,
                               float[] acc, int accOff) {
        for (int r = 0; r < rows; r++) {
            float wr = weights[wOff + r * wStride];
            int mr = mOff + r * n;
            for (int k = 0; k < n; k++) {
                acc[accOff + k] = Math.fma(wr, m[mr + k], acc[accOff + k]);
            }
        }
    }

    @Override
    public void sumRows(float[] m, int mOff, int rows, int n, float[] acc, int accOff) {
        for (int r = 0; r < rows; r++) {
            int mr = mOff + r * n;
            for (int k = 0; k < n; k++) {
                acc[accOff + k] += m[mr + k];
            }
        }
    }

    @Override
    public void productSum(float[] a, float[] b, float[] c, float[] v, float[] out, int off, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int o = off + r * n;
            for (int k = 0; k < n; k++) {
                out[o + k] = Math.fma(a[o + k], b[o + k], c[o + k] * v[k]);
            }
        }
    }

    @Override
    public void ridgeBackward(float[] x, int xOff, float[] g, int gOff, int rows, float[] v, float[] c, int n,
                              float[] a, float[] d1, float[] d2, float[] acc, int accX, int accDelta, int accGA, int accD1) {
        for (int r = 0; r < rows; r++) {
            float xr = x[xOff + r];
            float gr = g[gOff + r];
            int o = r * n;
            for (int k = 0; k < n; k++) {
                float delta = Math.fma(d1[o + k], gr * v[k], d2[o + k] * c[k]);
                acc[accX + k] = Math.fma(xr, delta, acc[accX + k]);
                acc[accDelta + k] += delta;
                acc[accGA + k] = Math.fma(gr, a[o + k], acc[accGA + k]);
                acc[accD1 + k] += d1[o + k];
            }
        }
    }
}
