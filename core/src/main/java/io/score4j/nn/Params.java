package io.score4j.nn;

import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * An ordered, immutable tree of named tensors: a model's state dict (a JAX pytree of leaves).
 *
 * <p>MLP names are {@code layers.<i>.weight} (shape [in, out], used as x·W) and
 * {@code layers.<i>.bias} (shape [out]), for i = 0 … L−1. The order of insertion is the order of
 * iteration and of checkpoint writing.
 */
public final class Params {
    private final Map<String, Tensor> leaves;

    private Params(Map<String, Tensor> leaves) {
        this.leaves = Collections.unmodifiableMap(leaves);
    }

    /** Params from an ordered map (copied). */
    public static Params of(Map<String, Tensor> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("params must hold at least one tensor");
        }
        return new Params(new LinkedHashMap<>(leaves));
    }

    /** The tensor named {@code name}; throws naming the missing key. */
    public Tensor get(String name) {
        Tensor t = leaves.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "' (have " + leaves.keySet() + ")");
        }
        return t;
    }

    public boolean has(String name) {
        return leaves.containsKey(name);
    }

    /** Names in order. */
    public List<String> names() {
        return new ArrayList<>(leaves.keySet());
    }

    /** Leaves in order. */
    public List<Tensor> tensors() {
        return new ArrayList<>(leaves.values());
    }

    /** The ordered, unmodifiable name → tensor view. */
    public Map<String, Tensor> asMap() {
        return leaves;
    }

    public int size() {
        return leaves.size();
    }

    /** Total number of scalar parameters. */
    public long count() {
        long n = 0;
        for (Tensor t : leaves.values()) {
            n += t.size();
        }
        return n;
    }

    /** {@code tree_map(f, this)}: same names, each leaf replaced by {@code f(leaf)}. */
    public Params map(UnaryOperator<Tensor> f) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        leaves.forEach((k, v) -> out.put(k, f.apply(v)));
        return new Params(out);
    }

    /** {@code tree_map(f, this, other)}; both trees must have the same names and shapes. */
    public Params zip(Params other, BinaryOperator<Tensor> f) {
        checkSameStructure(other);
        Map<String, Tensor> out = new LinkedHashMap<>();
        leaves.forEach((k, v) -> out.put(k, f.apply(v, other.leaves.get(k))));
        return new Params(out);
    }

    /** Throws naming the first differing name or shape. */
    public void checkSameStructure(Params other) {
        if (!leaves.keySet().equals(other.leaves.keySet())) {
            throw new IllegalArgumentException("param trees differ: " + leaves.keySet() + " vs " + other.leaves.keySet());
        }
        for (var e : leaves.entrySet()) {
            Tensor b = other.leaves.get(e.getKey());
            if (!Arrays.equals(e.getValue().shape(), b.shape())) {
                throw new IllegalArgumentException("param '" + e.getKey() + "' shape " + Arrays.toString(e.getValue().shape())
                        + " vs " + Arrays.toString(b.shape()));
            }
        }
    }

    /** Whether both trees have the same names, shapes, dtypes and bit patterns. */
    public boolean bitEquals(Params other) {
        if (!leaves.keySet().equals(other.leaves.keySet())) {
            return false;
        }
        for (var e : leaves.entrySet()) {
            if (!e.getValue().bitEquals(other.leaves.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Params{");
        leaves.forEach((k, v) -> sb.append(k).append('=').append(Arrays.toString(v.shape())).append(' '));
        return sb.append('}').toString();
    }
}
