package io.score4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** e(t) with precomputed frequencies gives the bits of the definition written out per entry. */
class TimeEmbeddingTest {
    @Test
    void precomputedFrequenciesGiveTheDefinitionsBits() {
        for (int size : new int[] {2, 4, 16, 256}) {
          for (double c : new double[] {TimeEmbedding.DEFAULT_SCALE, TimeEmbedding.LEGACY_SCALE, 2.5}) {
            TimeEmbedding emb = new TimeEmbedding(size, c);
            int k = size / 2;
            float[] got = new float[size];
            float[] viaTable = new float[size];
            double[] omega = emb.frequencies();
            for (double t : new double[] {1e-5, 0.001, 0.25, 0.5, 0.999, 1.0}) {
                emb.embed(t, got, 0);
                emb.embed(t, omega, viaTable, 0);
                for (int i = 0; i < k; i++) {
                    double w = k == 1 ? 1.0 : StrictMath.exp(-StrictMath.log(10000.0) * i / (k - 1));
                    float sin = (float) StrictMath.sin(c * t * w);
                    float cos = (float) StrictMath.cos(c * t * w);
                    assertEquals(Float.floatToRawIntBits(sin), Float.floatToRawIntBits(got[i]), "sin " + i + " at " + t);
                    assertEquals(Float.floatToRawIntBits(cos), Float.floatToRawIntBits(got[k + i]), "cos " + i + " at " + t);
                    assertEquals(Float.floatToRawIntBits(sin), Float.floatToRawIntBits(viaTable[i]));
                    assertEquals(Float.floatToRawIntBits(cos), Float.floatToRawIntBits(viaTable[k + i]));
                }
            }
          }
        }
    }

    @Test
    void theScaleIsValidatedAndDefaultsToThirty() {
        org.junit.jupiter.api.Assertions.assertEquals(30.0, new TimeEmbedding(16).scale());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TimeEmbedding(16, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TimeEmbedding(16, Double.NaN));
    }
}
