package io.score4j.train;

import io.score4j.InputException;
import io.score4j.io.SafeTensors;
import io.score4j.io.SafeTensorsFile;
import io.score4j.nn.Params;
import io.score4j.optim.Optimizer;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training checkpoint as one safetensors file, written atomically (temp file + rename), so a
 * kill at any moment leaves either the previous checkpoint or the new one, never a torn file.
 *
 * <p>Tensors: {@code param/<name>} (the parameters), {@code opt/<name>} (the optimizer state, as
 * {@link Optimizer#stateTensors} names it), {@code losses} (F64 [step], per-step losses).
 * Metadata: {@code score4j.checkpoint = 1}, {@code step}, {@code key} (the next training key as
 * two hex words) and the run's {@link TrainingSpec} ({@link TrainingSpec#metadata()}), which {@link #read}
 * returns so a resume can refuse a checkpoint made with another spec.
 */
public final class TrainCheckpoint {
    static final String PARAM = "param/";
    static final String OPT = "opt/";
    static final String MARKER = "score4j.checkpoint";
    static final String LOSSES = "losses";

    private TrainCheckpoint() {}

    /** Writes {@code state} with {@code spec} as metadata; replaces {@code path} atomically. */
    public static <S> void write(Path path, TrainState<S> state, Optimizer<S> optimizer, TrainingSpec spec) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        state.params().asMap().forEach((k, v) -> tensors.put(PARAM + k, v));
        optimizer.stateTensors(state.optState()).forEach((k, v) -> tensors.put(OPT + k, v));
        double[] losses = state.losses();
        tensors.put(LOSSES, Tensor.wrap(losses, losses.length));
        Map<String, String> meta = new LinkedHashMap<>(spec.metadata());
        meta.put(MARKER, "1");
        meta.put("step", Integer.toString(state.step()));
        meta.put("key", Long.toHexString(state.key().hi()) + ":" + Long.toHexString(state.key().lo()));
        SafeTensors.write(path, tensors, meta);
    }

    /** A checkpoint read back: the state and the spec it was written with. */
    public record Loaded<S>(TrainState<S> state, TrainingSpec spec) {}

    /** Reads a checkpoint written by {@link #write}; a file that is not one gives an {@link InputException}. */
    public static <S> Loaded<S> read(Path path, Optimizer<S> optimizer) {
        SafeTensorsFile f = SafeTensors.read(path);
        Map<String, String> meta = f.metadata();
        if (!"1".equals(meta.get(MARKER))) {
            throw new InputException(path + ": not a score4j training checkpoint (no score4j.checkpoint metadata)");
        }
        Map<String, Tensor> params = new LinkedHashMap<>();
        Map<String, Tensor> opt = new LinkedHashMap<>();
        f.tensors().forEach((k, v) -> {
            if (k.startsWith(PARAM)) {
                params.put(k.substring(PARAM.length()), v);
            } else if (k.startsWith(OPT)) {
                opt.put(k.substring(OPT.length()), v);
            } else if (!k.equals(LOSSES)) {
                throw new InputException(path + ": tensor '" + k.replaceAll("\\p{Cntrl}", "?")
                        + "' is not part of a checkpoint (param/<name>, opt/<name>, losses)");
            }
        });
        if (params.isEmpty() || !f.tensors().containsKey(LOSSES)) {
            throw new InputException(path + ": checkpoint lacks parameters or the loss history");
        }
        try {
            Params p = Params.of(params);
            ScoreModelChecks.requireUsableParameters(p);
            S s = optimizer.restoreState(opt, p);
            int step = Integer.parseInt(meta.getOrDefault("step", "-1"));
            String[] key = meta.getOrDefault("key", "").split(":");
            Key k = new Key(Long.parseUnsignedLong(key[0], 16), Long.parseUnsignedLong(key[1], 16));
            TrainState<S> state = new TrainState<>(p, s, k, step, f.tensors().get(LOSSES).toDoubleArray());
            return new Loaded<>(state, TrainingSpec.fromMetadata(meta, null));
        } catch (RuntimeException e) {
            throw new InputException(path + ": damaged checkpoint (" + e.getMessage() + ")", e);
        }
    }
}
