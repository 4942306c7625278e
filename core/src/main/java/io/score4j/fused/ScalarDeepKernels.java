package io.score4j.fused;

/** The scalar {@link DeepKernels}: each output is the documented fma chain, in the documented order. */
final class ScalarDeepKernels implements DeepKernels {
    static final ScalarDeepKernels INSTANCE = new ScalarDeepKernels();

    private ScalarDeepKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void affine(float[] in, int inOff, int is, int inCols, int rows, float[] w, int ws, float[] bias,
                       float[] scale, float[] out, int outOff, int os, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = outOff + r * os;
            for (int k = 0; k < cols; k++) {
                out[o + k] = bias == null ? 0f : bias[k];
            }
            for (int j = 0; j < inCols; j++) {
                float x = in[inOff + r * is + j];
                int wr = j * ws;
                for (int k = 0; k < cols; k++) {
                    out[o + k] = Math.fma(x, w[wr + k], out[o + k]);
                }
            }
            if (scale != null) {
                for (int k = 0; k < cols; k++) {
                    out[o + k] = out[o + k] * scale[o + k];
                }
            }
        }
    }

    @Override
    public void accumulateOuter(float[] in, int inOff, int is, int inCols, int rows, float[] d, int dOff, int ds,
                                int cols, float[] acc, int accOff, int as) {
        for (int r = 0; r < rows; r++) {
            int dr = dOff + r * ds;
            for (int j = 0; j < inCols; j++) {
                float x = in[inOff + r * is + j];
                int a = accOff + j * as;
                for (int k = 0; k < cols; k++) {
                    acc[a + k] = Math.fma(x, d[dr + k], acc[a + k]);
                }
            }
        }
    }

    @Override
    public void sumRows(float[] d, int dOff, int ds, int rows, int cols, float[] acc, int accOff) {
        for (int r = 0; r < rows; r++) {
            int dr = dOff + r * ds;
            for (int k = 0; k < cols; k++) {
                acc[accOff + k] += d[dr + k];
            }
        }
    }

    @Override
    public void add(float[] a, int aOff, float[] acc, int accOff, int n) {
        for (int i = 0; i < n; i++) {
            acc[accOff + i] += a[aOff + i];
        }
    }
}
