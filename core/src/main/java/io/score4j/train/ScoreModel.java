package io.score4j.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.InputException;
import io.score4j.data.Standardizer;
import io.score4j.io.SafeTensors;
import io.score4j.io.SafeTensorsFile;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizers;
import io.score4j.tensor.Activation;
import io.score4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A trained score network as saved in {@code model.safetensors}: the MLP parameters (tensor keys
 * {@code layers.<i>.weight} [in, out] and {@code layers.<i>.bias} [out]) and, in
 * {@code __metadata__}, everything needed to use it: {@code format}, {@code sizes},
 * {@code activation}, {@code objective}, {@code columns}, {@code data_mean}/{@code data_std}
 * (the standardisation applied before training, undone at sampling time), {@code sigmas} (the noise
 * ladder of a noise-conditional model, whose network input is [x, log σ] and whose score is
 * net([x, log σ]) / σ; {@code []} otherwise), and the {@link TrainingSpec} it was trained with
 * ({@link TrainingSpec#metadata()}: objective, seed, init, lr, …) for the record. A dsm model (objective
 * {@code dsm}) is time conditioned: its network input is [x, e(t)] and its score net([x, e(t)]) / σ(t) on the
 * SDE its metadata names ({@code sde}, …, {@code embedding_dim}). A model trained with an EMA holds the
 * average as its parameters (used for scoring and sampling) and the raw parameters beside them as
 * {@code raw/layers.<i>.weight}, {@code raw/layers.<i>.bias}.
 *
 * @param spec         network architecture
 * @param params       parameters (F32)
 * @param standardizer per-column scaling of the training data
 * @param columns      column names of the data, length d
 * @param noise        noise ladder σ₁ > … > σ_L of a noise-conditional model, null otherwise
 * @param settings     the training settings as metadata text ({@link TrainingSpec#metadata()} for a model
 *                     score4j trained; whatever another tool wrote otherwise), stored verbatim (kept sorted
 *                     by key, so iterating them, and the file written, is the same in every run)
 * @param raw          the raw (last-step) parameters when {@code params} are their EMA, else null
 */
public record ScoreModel(MlpSpec spec, Params params, Standardizer standardizer, String[] columns, NoiseLadder noise,
                         Map<String, String> settings, Params raw) {
    public static final String FORMAT = "score4j.mlp.v1";
    /** The tensor-name prefix of the raw parameters of a model whose parameters are an EMA. */
    public static final String RAW = "raw/";
    /**
     * The largest |parameter| a model may hold. Trained parameters are O(1) to O(10³) (the data is
     * standardised and training stops when it diverges); 1e18 leaves fifteen orders of margin, and its
     * square, 1e36, is still below the F32 maximum 3.4e38, so the product of a weight and a
     * weight-sized activation cannot by itself overflow. Only a damaged or hand-made file goes
     * beyond it. It does not promise finite scores everywhere: see {@link ModelScores#requireFinite}.
     */
    public static final double MAX_PARAMETER = 1e18;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ScoreModel {
        columns = columns.clone();
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
        int d = columns.length;
        Conditioning c = TrainingMetadata.conditioning(settings, noise);
        int expectedIn = d + c.extraInputs();
        if (spec.inputDim() != expectedIn || spec.outputDim() != d || standardizer.dim() != d) {
            throw new IllegalArgumentException("model of " + spec + " does not fit d=" + d + " columns"
                    + (noise != null ? " plus a noise-level input" : c.extraInputs() > 0 ? " plus a time embedding of "
                    + c.extraInputs() : ""));
        }
        ScoreModelChecks.requireDistinctColumns(columns);
        ScoreModelChecks.requireUsableParameters(params);
        if (raw != null) {
            params.checkSameStructure(raw);
            ScoreModelChecks.requireUsableParameters(raw);
        }
    }

    /** A model without separate raw parameters. */
    public ScoreModel(MlpSpec spec, Params params, Standardizer standardizer, String[] columns, NoiseLadder noise,
                      Map<String, String> settings) {
        this(spec, params, standardizer, columns, noise, settings, null);
    }

    /**
     * The model of a network trained by {@code training} on data of {@code columns.length} columns: its
     * ladder is the spec's and its settings are {@link TrainingSpec#metadata()}.
     *
     * @throws IllegalArgumentException when {@code spec} is not the spec's network for that many columns
     */
    public static ScoreModel of(MlpSpec spec, Params params, Standardizer standardizer, String[] columns,
                                TrainingSpec training) {
        if (!training.network(columns.length).equals(spec)) {
            throw new IllegalArgumentException("network " + spec + " is not the training spec's "
                    + training.network(columns.length));
        }
        return new ScoreModel(spec, params, standardizer, columns, training.ladder(), training.metadata());
    }

    /**
     * The model at the end of a run: the EMA in {@code optState} ({@link Optimizers#emaParams}) as its parameters
     * and {@code raw} beside them when the run kept one, else {@code raw} as its parameters.
     */
    public static ScoreModel trained(MlpSpec spec, Params raw, ChainState optState, Standardizer standardizer,
                                     String[] columns, TrainingSpec training) {
        ScoreModel m = of(spec, raw, standardizer, columns, training);
        Params ema = Optimizers.emaParams(optState);
        return ema == null ? m : new ScoreModel(spec, ema, standardizer, columns, m.noise, m.settings, raw);
    }

    /**
     * The spec this model was trained with, read back from its settings by {@link TrainingSpec#fromMetadata};
     * empty when the settings do not hold a whole one (a file from another tool, or a demo model written
     * before the spec existed, which lacks {@code hidden}, {@code optimizer} and {@code rows}).
     */
    public Optional<TrainingSpec> training() {
        try {
            Map<String, String> meta = new TreeMap<>(settings);
            meta.putIfAbsent("activation", spec.activation().id());
            return Optional.of(TrainingSpec.fromMetadata(meta, noise));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Data dimension d. */
    public int dim() {
        return columns.length;
    }

    public boolean noiseConditional() {
        return noise != null;
    }

    /** The conditioning rule: the noise level (a ladder), time on an SDE (a dsm model), or none. */
    public Conditioning conditioning() {
        return TrainingMetadata.conditioning(settings, noise);
    }

    /** Whether the model is time conditioned on a score SDE (a dsm model). */
    public boolean timeConditional() {
        return conditioning() instanceof Conditioning.Time;
    }

    /** The score SDE of a time-conditioned model; empty otherwise. */
    public Optional<Sde> sde() {
        return conditioning() instanceof Conditioning.Time t ? Optional.of(t.sde()) : Optional.empty();
    }

    /** The score network: these parameters (the EMA, when the model has one) with this model's conditioning rule. */
    public ScoreNetwork network() {
        return ScoreNetwork.of(spec, params, conditioning());
    }

    /** The network of the raw (last-step) parameters: {@link #network()} when the model keeps no EMA. */
    public ScoreNetwork rawNetwork() {
        return ScoreNetwork.of(spec, raw != null ? raw : params, conditioning());
    }

    @Override
    public String[] columns() {
        return columns.clone();
    }

    /** The noise ladder σ₁ … σ_L as an array (a copy), empty when the model is not noise-conditional. */
    public double[] sigmas() {
        return noise != null ? noise.sigmas() : new double[0];
    }

    /** Writes the model atomically. */
    public void save(Path path) {
        Map<String, String> meta = new LinkedHashMap<>(settings);
        meta.put("format", FORMAT);
        meta.put("architecture", "mlp");
        meta.put("sizes", json(spec.sizes()));
        meta.put("activation", spec.activation().id());
        meta.put("columns", json(columns));
        meta.put("data_mean", json(standardizer.mean()));
        meta.put("data_std", json(standardizer.std()));
        meta.put("sigmas", json(sigmas()));
        Map<String, Tensor> tensors = new LinkedHashMap<>(params.asMap());
        if (raw != null) {
            raw.asMap().forEach((k, v) -> tensors.put(RAW + k, v));
        }
        SafeTensors.write(path, tensors, meta);
    }

    /**
     * Reads a model written by {@link #save}, or an MLP state dict written by another tool with the
     * documented tensor keys: only the {@code activation} metadata is required; {@code sizes} defaults to
     * what the tensor shapes say, {@code columns} to x0…, {@code data_mean}/{@code data_std} to 0/1
     * (no standardisation) and {@code sigmas} to none. Anything unusable gives one {@link InputException}.
     */
    public static ScoreModel load(Path path) {
        SafeTensorsFile f = SafeTensors.read(path);
        Map<String, String> meta = f.metadata();
        if (meta.containsKey(TrainCheckpoint.MARKER)) {
            throw new InputException(path + ": is a training checkpoint, not a model (continue it with train --resume, "
                    + "which writes the model)");
        }
        if (!meta.containsKey("activation")) {
            throw new InputException(path + ": metadata 'activation' missing (softplus, tanh, silu or relu)");
        }
        try {
            Activation act = Activation.parse(meta.get("activation"));
            Map<String, Tensor> main = new LinkedHashMap<>();
            Map<String, Tensor> rawTensors = new LinkedHashMap<>();
            f.tensors().forEach((k, v) -> (k.startsWith(RAW) ? rawTensors : main).put(k.startsWith(RAW)
                    ? k.substring(RAW.length()) : k, v));
            Params p = Params.of(main).map(t -> t.astype(io.score4j.tensor.DType.F32));
            Params raw = rawTensors.isEmpty() ? null
                    : Params.of(rawTensors).map(t -> t.astype(io.score4j.tensor.DType.F32));
            MlpSpec spec = MlpInit.specOf(p, act);
            if (meta.containsKey("sizes") && !Arrays.equals(JSON.readValue(meta.get("sizes"), int[].class), spec.sizes())) {
                throw new InputException(path + ": tensor shapes give " + spec + " but metadata says sizes " + meta.get("sizes"));
            }
            double[] sigmas = meta.containsKey("sigmas") ? JSON.readValue(meta.get("sigmas"), double[].class) : new double[0];
            int d = spec.outputDim();
            String[] columns = meta.containsKey("columns") ? JSON.readValue(meta.get("columns"), String[].class)
                    : io.score4j.data.Dataset.defaultColumns(d);
            double[] ones = new double[d];
            Arrays.fill(ones, 1.0);
            Standardizer st = new Standardizer(
                    meta.containsKey("data_mean") ? JSON.readValue(meta.get("data_mean"), double[].class) : new double[d],
                    meta.containsKey("data_std") ? JSON.readValue(meta.get("data_std"), double[].class) : ones);
            Map<String, String> settings = new LinkedHashMap<>(meta);
            for (String k : new String[] {"format", "architecture", "sizes", "activation", "columns", "data_mean",
                    "data_std", "sigmas"}) {
                settings.remove(k);
            }
            return new ScoreModel(spec, p, st, columns, sigmas.length > 0 ? new NoiseLadder(sigmas) : null, settings,
                    raw);
        } catch (JsonProcessingException e) {
            throw new InputException(path + ": malformed metadata (" + e.getOriginalMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new InputException(path + ": " + e.getMessage());
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
