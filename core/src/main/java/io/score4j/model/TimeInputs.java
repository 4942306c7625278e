package io.score4j.model;

/**
 * Per-thread scratch of {@link ScoreNetwork#timeConditional}: the network input [x, e(t)] of a chunk of rows,
 * its output, and e(t) and 1/σ(t) of the last time seen, so a run of equal times (every row of an em/pc
 * step; rows that have not yet split under an adaptive solver) costs one embedding. The cached values are
 * the ones {@link TimeEmbedding#embed} and {@code (float) (1 / σ(t))} give, so results are bit for bit those
 * of computing them per row.
 */
final class TimeInputs {
    /** Rows per chunk: bounds the scratch whatever the caller's block size. */
    static final int CHUNK = 1024;

    private static final ThreadLocal<TimeInputs> LOCAL = new ThreadLocal<>();

    private Conditioning.Time time;
    private int d;
    private float[] in = new float[0];
    private float[] out = new float[0];
    private double[] trace = new double[0];
    private float[] embedding = new float[0];
    private double[] omega = new double[0];
    private double cachedT = Double.NaN;
    private float cachedInv;

    private TimeInputs() {}

    /** This thread's scratch, set up for {@code time} and dimension d (the cache is reset on a change). */
    static TimeInputs of(Conditioning.Time time, int d) {
        TimeInputs s = LOCAL.get();
        if (s == null) {
            s = new TimeInputs();
            LOCAL.set(s);
        }
        if (s.time != time || s.d != d) {
            s.time = time;
            s.d = d;
            s.embedding = new float[time.embedding().size()];
            s.omega = time.embedding().frequencies();
            s.cachedT = Double.NaN;
        }
        return s;
    }

    /** Fills and returns the input [n, d + E] of rows [first, first + n) of x (scratch, valid until the next call). */
    float[] fill(float[] x, double[] t, int first, int n) {
        int e = embedding.length;
        int w = d + e;
        if (in.length < n * w) {
            in = new float[n * w];
        }
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, (first + r) * d, in, r * w, d);
            cache(t[first + r]);
            System.arraycopy(embedding, 0, in, r * w + d, e);
        }
        return in;
    }

    /** A trace buffer [n] (scratch). */
    double[] trace(int n) {
        if (trace.length < n) {
            trace = new double[n];
        }
        return trace;
    }

    /** The output buffer [n, d] (scratch). */
    float[] output(int n) {
        if (out.length < n * d) {
            out = new float[n * d];
        }
        return out;
    }

    /** out[first + r] = s[r] · (float) (1/σ(t[first + r])) for r &lt; n; modifies only those rows of out. */
    void scale(float[] s, double[] t, int first, int n, float[] dst) {
        for (int r = 0; r < n; r++) {
            cache(t[first + r]);
            float inv = cachedInv;
            int o = (first + r) * d;
            for (int j = 0; j < d; j++) {
                dst[o + j] = s[r * d + j] * inv;
            }
        }
    }

    /** Makes e(t) and 1/σ(t) current (bitwise comparison of t, so −0.0 and NaN behave). */
    private void cache(double t) {
        if (Double.doubleToRawLongBits(t) != Double.doubleToRawLongBits(cachedT)) {
            time.embedding().embed(t, omega, embedding, 0);
            cachedInv = (float) (1.0 / time.sde().marginalStd(t));
            cachedT = t;
        }
    }
}
