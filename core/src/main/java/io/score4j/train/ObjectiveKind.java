package io.score4j.train;

import io.score4j.Parallelism;
import io.score4j.fused.DeepLoss;
import io.score4j.fused.DeepMlp;
import io.score4j.fused.DeepSliced;
import io.score4j.model.Conditioning;
import io.score4j.model.Kernel;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpSpec;
import io.score4j.objective.DenoisingScoreMatching;
import io.score4j.objective.ExactScoreMatching;
import io.score4j.objective.NoiseConditionalScoreMatching;
import io.score4j.objective.Objective;
import io.score4j.objective.Projection;
import io.score4j.objective.SdeScoreMatching;
import io.score4j.objective.SlicedScoreMatching;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The training objectives a user can pick by name, each turned into a {@link BatchLoss}.
 * Exact score matching uses the fused MLP kernel when the fused kernel supports the network and
 * the generic autodiff path otherwise; both compute the same loss (a test holds them together).
 * The first-order objectives (sliced, sliced-vr, denoising, ncsn, dsm) use the fused deep kernels
 * ({@link DeepLoss}, {@link DeepSliced}) for every network with a hidden layer and F32 parameters, and the
 * generic autodiff path ({@link io.score4j.objective}) otherwise. This method is the one place where
 * training picks its kernels.
 */
public enum ObjectiveKind {
    /** Hyvärinen: ½‖s‖² + tr ∂s/∂x; O(D) passes for the trace (O(1) in the fused one-hidden-layer kernel). */
    EXACT("exact"),
    /** Sliced: vᵀ(∂s/∂x)v + ½(vᵀs)² over M projections; O(M) JVP passes. */
    SLICED("sliced"),
    /** Sliced, variance-reduced: vᵀ(∂s/∂x)v + ½‖s‖² over M projections; O(M) JVP passes. */
    SLICED_VR("sliced-vr"),
    /** Denoising at one σ: ½‖σ·s(x + σz) + z‖²; one forward and one backward pass. */
    DENOISING("denoising"),
    /** Noise-conditional (NCSN): ½‖net([x + σz, log σ]) + z‖², σ drawn from a ladder; network input d + 1. */
    NCSN("ncsn"),
    /**
     * Continuous-time denoising score matching on a score SDE: c·½‖net([x_t, e(t)]) + z‖², t ∈ [ε, 1] by the
     * weighting, x_t = m(t)x + σ(t)z ({@link SdeScoreMatching}); network input d + E.
     */
    DSM("dsm");

    /**
     * The command-line name of {@code score4j train}'s default objective: dsm, whose defaults (VP SDE, two silu layers,
     * EMA, the pc sampler) model multimodal data with no other flag (measured in docs/DEFAULTS.md). A compile-time
     * constant so that the CLI's option annotation can name it.
     */
    public static final String DEFAULT_NAME = "dsm";

    private final String id;

    ObjectiveKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every objective's command-line name. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (ObjectiveKind k : values()) {
            out.add(k.id);
        }
        return out;
    }

    /** Parses a command-line name (case-insensitive); throws naming the allowed values. */
    public static ObjectiveKind parse(String s) {
        for (ObjectiveKind k : values()) {
            if (k.id.equals(s.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + s + "' (use " + String.join(", ", names()) + ")");
    }

    /** Whether the network is conditioned on the noise level (input [x, log σ], a {@code ScoreModel.noise()} ladder). */
    public boolean noiseConditional() {
        return this == NCSN;
    }

    /** Whether the network is conditioned on time (input [x, e(t)], a score SDE): {@link #DSM}. */
    public boolean timeConditional() {
        return this == DSM;
    }

    /** The conditioning rule of the networks this objective trains with {@code options}. */
    public Conditioning conditioning(ObjectiveOptions options) {
        return switch (this) {
            case NCSN -> Conditioning.noiseLevel();
            case DSM -> Conditioning.time(options.sde(), options.embedding());
            default -> Conditioning.none();
        };
    }

    /** The network's input width for data of dimension {@code d} with default options: d, d + 1 (ncsn), d + 16 (dsm). */
    public int inputDim(int d) {
        return inputDim(d, ObjectiveOptions.defaults());
    }

    /** The network's input width for data of dimension {@code d}: d, d + 1 (ncsn), or d + E (dsm). */
    public int inputDim(int d, ObjectiveOptions options) {
        return d + conditioning(options).extraInputs();
    }

    /** The network [inputDim(d), hidden…, d] this objective trains for data of dimension {@code d}, default options. */
    public MlpSpec spec(int d, Activation activation, int... hidden) {
        return spec(d, ObjectiveOptions.defaults(), activation, hidden);
    }

    /** The network [inputDim(d, options), hidden…, d] this objective trains for data of dimension {@code d}. */
    public MlpSpec spec(int d, ObjectiveOptions options, Activation activation, int... hidden) {
        int[] s = new int[hidden.length + 2];
        s[0] = inputDim(d, options);
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = d;
        return new MlpSpec(s, activation);
    }

    /**
     * The generic-autodiff objective with {@code options}' settings.
     *
     * @throws IllegalArgumentException for {@link #NCSN} when {@code options.ladder()} is null
     */
    public Objective objective(ObjectiveOptions options) {
        return switch (this) {
            case EXACT -> new ExactScoreMatching();
            case SLICED -> new SlicedScoreMatching(options.projections(), options.projection(), false);
            case SLICED_VR -> new SlicedScoreMatching(options.projections(), options.projection(), true);
            case DENOISING -> new DenoisingScoreMatching(options.sigma());
            case NCSN -> {
                if (options.ladder() == null) {
                    throw new IllegalArgumentException("the ncsn objective needs a noise ladder, got none");
                }
                yield new NoiseConditionalScoreMatching(options.ladder());
            }
            case DSM -> dsm(options);
        };
    }

    private static SdeScoreMatching dsm(ObjectiveOptions o) {
        TimeEmbedding e = o.embedding();
        return new SdeScoreMatching(o.sde(), o.weighting(), o.eps(), e.size(), e::embed);
    }

    /**
     * Denoising, noise-conditional or sliced score matching on the fused deep kernels ({@link DeepLoss},
     * {@link DeepSliced}), which draw the same noise and projections as the generic objectives; F32
     * parameters (anything else goes to the generic path).
     */
    private BatchLoss fusedDeep(MlpSpec spec, Objective generic, ObjectiveOptions options, Parallelism parallelism) {
        double sigma = options.sigma();
        double[] sigmas = options.ladder() != null ? options.ladder().sigmas() : null;
        int d = spec.outputDim();
        return (params, batch, n, key) -> {
            if (!params.tensors().stream().allMatch(t -> t.dtype() == DType.F32)) {
                var r = generic.lossAndGrad(spec, params, Tensor.wrap(Arrays.copyOf(batch, n * d), n, d), key, parallelism);
                return r;
            }
            DeepMlp net = DeepMlp.of(spec, params);
            var r = switch (this) {
                case NCSN -> DeepLoss.noiseConditional(net, batch, n, sigmas, key, parallelism);
                case DENOISING -> DeepLoss.denoising(net, batch, n, sigma, key, parallelism);
                case DSM -> fusedDsm((SdeScoreMatching) generic, net, batch, n, d, key, parallelism);
                default -> DeepSliced.lossAndGradient(net, batch, n, options.projections(),
                        options.projection() == Projection.GAUSSIAN, this == SLICED_VR, key, parallelism);
            };
            return r;
        };
    }

    /** SDE denoising score matching on the deep kernel, on the generic objective's draws (inputs rounded to float). */
    private static LossAndGrad fusedDsm(SdeScoreMatching o, DeepMlp net, float[] batch, int n, int d, Key key,
                                        Parallelism parallelism) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = batch[i];
        }
        SdeScoreMatching.Draws dr = o.draws(x, d, key, 0, n);
        double[] in = dr.inputs();
        float[] inputs = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            inputs[i] = (float) in[i];
        }
        return DeepLoss.timeConditional(net, inputs, dr.z(), dr.weights(), n, dr.factor(), parallelism);
    }

    /**
     * The batch loss of this objective for a network {@code spec} on data of dimension {@code d}.
     *
     * @param parallelism the threads the loss runs on (results do not depend on it)
     */
    public BatchLoss loss(MlpSpec spec, int d, ObjectiveOptions options, Parallelism parallelism) {
        return loss(spec, d, options, parallelism, null);
    }

    /**
     * As {@link #loss(MlpSpec, int, ObjectiveOptions, Parallelism)}, a table's gaps masked out of dsm's loss
     * ({@link SdeScoreMatching#masked}; {@code maskedBy} from {@link TableTraining#maskedBy}, null or
     * all −1 for none). Only dsm masks; another objective with a mask is refused.
     */
    public BatchLoss loss(MlpSpec spec, int d, ObjectiveOptions options, Parallelism parallelism, int[] maskedBy) {
        boolean masks = maskedBy != null && Arrays.stream(maskedBy).anyMatch(j -> j >= 0);
        if (masks && this != DSM) {
            throw new IllegalArgumentException("only dsm masks gaps; " + id + " was given a mask");
        }
        if (spec.inputDim() != inputDim(d, options) || spec.outputDim() != d) {
            throw new IllegalArgumentException("the " + id + " objective on d=" + d + " needs a network ["
                    + inputDim(d, options) + ", …, " + d + "], got " + spec);
        }
        if (this == EXACT) {
            return ExactLoss.of(spec, d, parallelism);
        }
        Objective objective = masks ? ((SdeScoreMatching) objective(options)).masked(maskedBy) : objective(options);
        if (Kernel.training(spec, false) == Kernel.FUSED_DEEP) {
            return fusedDeep(spec, objective, options, parallelism);
        }
        return (params, batch, n, key) -> {
            var r = objective.lossAndGrad(spec, params, Tensor.wrap(Arrays.copyOf(batch, n * d), n, d), key, parallelism);
            return r;
        };
    }
}
