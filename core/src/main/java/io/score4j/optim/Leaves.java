package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Package-private helpers: leaf checks, state (de)serialisation by name prefix. */
final class Leaves {
    private Leaves() {}

    /** Throws unless {@code grads} has the names and shapes of {@code params} and each leaf's dtype. */
    static void checkLike(String what, Params grads, Params params) {
        params.checkSameStructure(grads);
        for (String name : params.names()) {
            checkDType(what + " '" + name + "'", grads.get(name), params.get(name).dtype());
        }
    }

    static void checkDType(String what, Tensor t, DType expected) {
        if (t.dtype() != expected) {
            throw new IllegalArgumentException(what + " is " + t.dtype() + ", expected " + expected);
        }
    }

    /** Params from names and leaves in the same order. */
    static Params build(List<String> names, Tensor[] leaves) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < leaves.length; i++) {
            out.put(names.get(i), leaves[i]);
        }
        return Params.of(out);
    }

    /** Zeros shaped and typed like each leaf of {@code params}. */
    static Params zerosLike(Params params) {
        return params.map(t -> Tensor.zeros(t.dtype(), t.shape()));
    }

    /** Puts every leaf of {@code tree} into {@code out} as {@code prefix + name}. */
    static void put(Map<String, Tensor> out, String prefix, Params tree) {
        tree.asMap().forEach((name, t) -> out.put(prefix + name, t));
    }

    /** Reads {@code prefix + name} for every param name, checking shape and dtype against the param. */
    static Params read(Map<String, Tensor> tensors, String prefix, Params params) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : params.asMap().entrySet()) {
            String key = prefix + e.getKey();
            Tensor t = require(tensors, key);
            Tensor p = e.getValue();
            if (!Arrays.equals(t.shape(), p.shape())) {
                throw new IllegalArgumentException("state tensor '" + key + "' has shape " + Arrays.toString(t.shape())
                        + ", param has " + Arrays.toString(p.shape()));
            }
            checkDType("state tensor '" + key + "'", t, p.dtype());
            out.put(e.getKey(), t);
        }
        return Params.of(out);
    }

    static Tensor require(Map<String, Tensor> tensors, String key) {
        Tensor t = tensors.get(key);
        if (t == null) {
            throw new IllegalArgumentException("optimizer state has no tensor named '" + key + "'");
        }
        return t;
    }

    /** The entries whose names start with {@code prefix}, with the prefix removed. */
    static Map<String, Tensor> strip(Map<String, Tensor> tensors, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** out = factor · g, elementwise in the leaf's precision (factor rounded to float for F32). */
    static Tensor scaled(Tensor g, double factor) {
        if (g.dtype() == DType.F32) {
            float[] a = g.data32();
            float f = (float) factor;
            float[] o = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                o[i] = f * a[i];
            }
            return Tensor.wrap(o, g.shape());
        }
        double[] a = g.data64();
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = factor * a[i];
        }
        return Tensor.wrap(o, g.shape());
    }

    /** Σ g² over every element of every leaf, accumulated in double in leaf order. */
    static double sumOfSquares(Params tree) {
        double s = 0;
        for (Tensor t : tree.tensors()) {
            if (t.dtype() == DType.F32) {
                for (float v : t.data32()) {
                    s += (double) v * v;
                }
            } else {
                for (double v : t.data64()) {
                    s += v * v;
                }
            }
        }
        return s;
    }
}
