package io.score4j.nn;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates MLP parameters the way the seed's {@code create_mlp} does, with explicit keys. */
public final class MlpInit {
    private MlpInit() {}

    /**
     * Parameters for {@code spec}: layer i uses {@code key.split(L+1)[i]}, split again into a weight
     * key and a bias key (as the seed does). Weight i has shape [sizes[i], sizes[i+1]], bias [sizes[i+1]].
     */
    public static Params init(MlpSpec spec, Init init, Key key, DType dtype) {
        int[] s = spec.sizes();
        Key[] keys = key.split(s.length);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int l = 0; l < s.length - 1; l++) {
            Key[] wb = keys[l].split(2);
            int in = s[l];
            int o = s[l + 1];
            double wScale = init == Init.NORMAL ? 1.0 : 1.0 / Math.sqrt(in);
            double[] w = Draw.normalDouble(wb[0], in * o);
            double[] b = init == Init.NORMAL ? Draw.normalDouble(wb[1], o) : new double[o];
            for (int i = 0; i < w.length; i++) {
                w[i] *= wScale;
            }
            out.put(MlpSpec.weightName(l), Tensor.wrap(w, in, o).astype(dtype));
            out.put(MlpSpec.biasName(l), Tensor.wrap(b, o).astype(dtype));
        }
        return Params.of(out);
    }

    /** Reads the architecture back from parameter shapes (activation must be supplied). */
    public static MlpSpec specOf(Params p, Activation activation) {
        int layers = 0;
        while (p.has(MlpSpec.weightName(layers))) {
            layers++;
        }
        if (layers == 0) {
            throw new IllegalArgumentException("no '" + MlpSpec.weightName(0) + "' tensor: not an MLP state dict");
        }
        int[] sizes = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            Tensor w = p.get(MlpSpec.weightName(l));
            Tensor b = p.get(MlpSpec.biasName(l));
            if (w.rank() != 2 || b.rank() != 1 || b.dim(0) != w.dim(1) || (l > 0 && w.dim(0) != sizes[l])) {
                throw new IllegalArgumentException("layer " + l + " has inconsistent shapes: weight "
                        + java.util.Arrays.toString(w.shape()) + ", bias " + java.util.Arrays.toString(b.shape()));
            }
            sizes[l] = w.dim(0);
            sizes[l + 1] = w.dim(1);
        }
        return new MlpSpec(sizes, activation);
    }
}
