package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies its parts in order, each to the previous one's updates (optax {@code chain}).
 * State names: {@code chain.<i>.<part's name>}.
 */
final class Chain implements Optimizer<ChainState> {
    private final List<Optimizer<Object>> parts;

    @SuppressWarnings("unchecked")
    Chain(Optimizer<?>... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("chain needs at least one part, got 0");
        }
        List<Optimizer<Object>> list = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("chain part " + i + " is null");
            }
            list.add((Optimizer<Object>) parts[i]);
        }
        this.parts = List.copyOf(list);
    }

    @Override
    public ChainState init(Params params) {
        List<Object> states = new ArrayList<>();
        for (Optimizer<Object> p : parts) {
            states.add(p.init(params));
        }
        return new ChainState(states);
    }

    @Override
    public Update<ChainState> update(Params grads, ChainState state, Params params) {
        checkSize(state);
        List<Object> next = new ArrayList<>(parts.size());
        Params u = grads;
        for (int i = 0; i < parts.size(); i++) {
            Update<Object> r = parts.get(i).update(u, state.states().get(i), params);
            u = r.updates();
            next.add(r.state());
        }
        return new Update<>(u, new ChainState(next));
    }

    @Override
    public Map<String, Tensor> stateTensors(ChainState state) {
        checkSize(state);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String prefix = prefix(i);
            parts.get(i).stateTensors(state.states().get(i)).forEach((k, v) -> out.put(prefix + k, v));
        }
        return out;
    }

    @Override
    public ChainState restoreState(Map<String, Tensor> tensors, Params params) {
        List<Object> states = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            states.add(parts.get(i).restoreState(Leaves.strip(tensors, prefix(i)), params));
        }
        return new ChainState(states);
    }

    private static String prefix(int i) {
        return "chain." + i + ".";
    }

    private void checkSize(ChainState state) {
        if (state.states().size() != parts.size()) {
            throw new IllegalArgumentException("chain of " + parts.size() + " parts got a state of "
                    + state.states().size());
        }
    }
}
