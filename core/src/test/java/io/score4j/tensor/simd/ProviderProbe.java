package io.score4j.tensor.simd;

/** Run in a child JVM by {@link ProviderSelectionTest}: reports the chosen provider on stdout. */
public final class ProviderProbe {
    private ProviderProbe() {}

    public static void main(String[] args) {
        float[] x = {-1f, 0f, 2f};
        VectorMath.provider().softplus(x, x, 0, 3);
        System.out.println("provider=" + VectorMath.provider().name() + " enabled=" + VectorMath.vectorEnabled());
    }
}
