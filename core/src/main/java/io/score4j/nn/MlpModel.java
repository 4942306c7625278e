package io.score4j.nn;

import io.score4j.autodiff.Var;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MLP forward pass on the generic autodiff engine: h₀ = x, h_{l+1} = act(h_l·W_l + b_l) for
 * every layer but the last, which has no activation. Weights are named {@code layers.<i>.weight}
 * ([in, out]) and biases {@code layers.<i>.bias} ([out]), as in {@link MlpSpec}.
 */
public final class MlpModel {
    private MlpModel() {}

    /**
     * The network output [B, d_out] for input {@code x} of shape [B, d_in]. Nothing is modified;
     * the result is a differentiable graph over {@code params} and {@code x}.
     *
     * @throws IllegalArgumentException naming the tensor when a name is missing or a shape is wrong
     */
    public static Var apply(MlpSpec spec, Map<String, Var> params, Var x) {
        int[] sizes = spec.sizes();
        if (x.shape().length != 2 || x.shape()[1] != sizes[0]) {
            throw new IllegalArgumentException(
                    "MLP input must have shape [B, " + sizes[0] + "], got " + Arrays.toString(x.shape()));
        }
        Var h = x;
        for (int l = 0; l < spec.layers(); l++) {
            Var w = param(params, MlpSpec.weightName(l), sizes[l], sizes[l + 1]);
            Var b = param(params, MlpSpec.biasName(l), sizes[l + 1]);
            h = h.matmul(w).add(b);
            if (l < spec.layers() - 1) {
                h = h.activate(spec.activation());
            }
        }
        return h;
    }

    /** Each tensor of {@code params} as a leaf Var, in the same order under the same names. */
    public static Map<String, Var> lift(Params params) {
        Map<String, Var> out = new LinkedHashMap<>();
        params.asMap().forEach((k, v) -> out.put(k, Var.leaf(v)));
        return out;
    }

    /** Params named {@code names} holding the values of {@code vars} (same order, same length). */
    public static Params lower(List<String> names, List<Var> vars) {
        if (names.size() != vars.size()) {
            throw new IllegalArgumentException("names (" + names.size() + ") and vars (" + vars.size() + ") differ in length");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), vars.get(i).value());
        }
        return Params.of(out);
    }

    /** The Vars of {@code params} in insertion order. */
    public static List<Var> values(Map<String, Var> params) {
        return new ArrayList<>(params.values());
    }

    private static Var param(Map<String, Var> params, String name, int... shape) {
        Var v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "' (have " + params.keySet() + ")");
        }
        if (!Arrays.equals(v.shape(), shape)) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + Arrays.toString(v.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        return v;
    }
}
