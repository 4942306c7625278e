package io.score4j.nn;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates MLP parameters the way the seed's {@code create_mlp} does, with explicit keys. */
public final class MlpInit {
    /** {@code layers.<i>.weight} or {@code layers.<i>.bias}, i in plain decimal. */
    private static final Pattern LAYER_TENSOR = Pattern.compile("layers\\.(0|[1-9][0-9]*)\\.(weight|bias)");

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

    /**
     * Reads the architecture back from parameter shapes (activation must be supplied). The tensors
     * must be exactly {@code layers.<i>.weight} and {@code layers.<i>.bias} for i = 0 … L−1: a gap in
     * the layer numbers (layers 0, 1 and 3) or any other tensor is refused, naming it, so no tensor
     * of a file is silently left out of the network.
     */
    public static MlpSpec specOf(Params p, Activation activation) {
        int layers = 0;
        while (p.has(MlpSpec.weightName(layers))) {
            layers++;
        }
        if (layers == 0) {
            throw new IllegalArgumentException("no '" + MlpSpec.weightName(0) + "' tensor: not an MLP state dict");
        }
        requireOnlyLayers(p, layers);
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

    /** Refuses tensors other than the weights and biases of layers 0 … layers−1. */
    private static void requireOnlyLayers(Params p, int layers) {
        List<String> beyond = new ArrayList<>();
        List<String> unrelated = new ArrayList<>();
        for (String name : p.names()) {
            Matcher m = LAYER_TENSOR.matcher(name);
            if (!m.matches()) {
                unrelated.add(quoted(name));
            } else if (m.group(1).length() > 9 || Integer.parseInt(m.group(1)) >= layers) {
                beyond.add(quoted(name));
            }
        }
        if (!beyond.isEmpty()) {
            throw new IllegalArgumentException("layer numbers have a gap: layers 0.." + (layers - 1) + " are followed by "
                    + listed(beyond) + " but there is no '" + MlpSpec.weightName(layers) + "'");
        }
        if (!unrelated.isEmpty()) {
            throw new IllegalArgumentException("tensors that are not part of an MLP: " + listed(unrelated)
                    + " (a model holds only layers.<i>.weight and layers.<i>.bias)");
        }
    }

    /** The first few names, and how many more, for a one-line message. */
    private static String listed(List<String> names) {
        int shown = Math.min(names.size(), 5);
        String head = String.join(", ", names.subList(0, shown));
        return shown == names.size() ? head : head + " and " + (names.size() - shown) + " more";
    }

    private static String quoted(String name) {
        String plain = name.replaceAll("\\p{Cntrl}", "?");
        return "'" + (plain.length() > 80 ? plain.substring(0, 80) + "..." : plain) + "'";
    }
}
