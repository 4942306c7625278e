package io.score4j.cli;

import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
import java.util.zip.CRC32;

/**
 * Run in a child JVM by {@link VectorWidthReproducibilityTest}: reports the chosen provider and a
 * checksum of its dot products over shapes with every tail and row remainder, which must not depend on
 * the vector width. The cli module's twin of core's test {@code ProviderProbe} (modules do not share
 * test classes).
 */
public final class WidthProbe {
    private WidthProbe() {}

    public static void main(String[] args) {
        float[] x = {-1f, 0f, 2f};
        MathProvider m = VectorMath.provider();
        m.softplus(x, x, 0, 3);
        float[] a = new float[9 * 1100];
        float[] b = new float[3 * 1100];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.sin(0.37 * i) * (1 + i % 5);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) Math.cos(0.91 * i);
        }
        CRC32 crc = new CRC32();
        for (int n : new int[] {1, 7, 15, 16, 33, 100, 1024, 1031}) {
            for (int rows = 1; rows <= 9; rows++) {
                float[] out = new float[rows * 3];
                m.rowDots(a, 1, rows, b, 2, 3, n, out, 0);
                for (float f : out) {
                    crc.update(Float.floatToRawIntBits(f));
                }
            }
        }
        System.out.println("provider=" + m.name() + " enabled=" + VectorMath.vectorEnabled() + " dots=" + crc.getValue());
    }
}
