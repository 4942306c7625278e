package io.score4j.nn;

import io.score4j.tensor.Activation;
import java.util.Arrays;

/**
 * Architecture of a multilayer perceptron: layer sizes [d_in, h_1, …, h_k, d_out] and the hidden
 * activation (none after the last layer). The seed's network is {@code [1, 1024, 1]}, softplus.
 */
public record MlpSpec(int[] sizes, Activation activation) {
    public MlpSpec {
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("MLP sizes need at least input and output, got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("MLP sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        sizes = sizes.clone();
    }

    /** {@code [d, hidden…, d]}: a score network for data of dimension {@code d}. */
    public static MlpSpec scoreNet(int d, Activation activation, int... hidden) {
        int[] s = new int[hidden.length + 2];
        s[0] = d;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = d;
        return new MlpSpec(s, activation);
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    public int inputDim() {
        return sizes[0];
    }

    public int outputDim() {
        return sizes[sizes.length - 1];
    }

    /** Number of affine layers (= sizes.length − 1). */
    public int layers() {
        return sizes.length - 1;
    }

    public static String weightName(int layer) {
        return "layers." + layer + ".weight";
    }

    public static String biasName(int layer) {
        return "layers." + layer + ".bias";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec m && Arrays.equals(sizes, m.sizes) && activation == m.activation;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + activation.hashCode();
    }

    @Override
    public String toString() {
        return "MlpSpec" + Arrays.toString(sizes) + " " + activation.id();
    }
}
