package io.score4j.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.model.Conditioning;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.Init;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.objective.Projection;
import io.score4j.objective.TimeWeighting;
import io.score4j.tensor.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one codec between a {@link TrainingSpec} and metadata text. {@link #settings} lists the spec's typed
 * values by key (only the settings its objective reads); {@link #encode} writes each as text, {@link #decode}
 * parses it back, and {@link #differences} compares the typed values. Keys and values are those score4j wrote
 * before the spec existed ({@code hidden} as {@code [8, 8]}, {@code optimizer} as {@code adam} or
 * {@code clip_by_global_norm(c) + adam}, doubles by {@link Double#toString}, which reads back bit-exactly),
 * so old models and checkpoints load and a run writes the same bytes as before. The ncsn ladder is written as
 * sigma_max, sigma_min and levels; a ladder that is not {@link NoiseLadder#geometric} from them is also
 * written whole, as {@code sigmas} (a model file always writes it there). dsm adds {@code sde},
 * {@code beta_min}/{@code beta_max} (VP, sub-VP) or {@code sigma_min}/{@code sigma_max}/{@code sigma_max_from}
 * (VE), {@code weighting}, {@code eps}, {@code embedding} ({@code sinusoidal}), {@code embedding_dim} and {@code embedding_scale} (absent: 999, the
 * files written before it was recorded); a run
 * with an EMA adds {@code ema} (absent = none, so older files read back unchanged).
 */
final class TrainingMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SINUSOIDAL = "sinusoidal";
    private static final Pattern CLIPPED = Pattern.compile("clip_by_global_norm\\((.+)\\) \\+ adam");

    private TrainingMetadata() {}

    /** The spec's typed settings by metadata key, in the order written. */
    static Map<String, Object> settings(TrainingSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", s.objective());
        m.put("hidden", s.hidden());
        m.put("activation", s.activation());
        m.put("init", s.init());
        m.put("optimizer", s.clip());
        m.put("lr", s.lr());
        if (s.ema() > 0) {
            m.put("ema", s.ema());
        }
        m.put("epochs", s.epochs());
        m.put("batch", s.batch());
        ObjectiveOptions o = s.options();
        switch (s.objective()) {
            case SLICED, SLICED_VR -> {
                m.put("projections", o.projections());
                m.put("projection", o.projection());
            }
            case DENOISING -> m.put("sigma", o.sigma());
            case NCSN -> {
                m.put("sigma_max", o.ladder().sigmaMax());
                m.put("sigma_max_from", s.ladderOrigin());
                m.put("sigma_min", o.ladder().sigmaMin());
                m.put("levels", o.ladder().levels());
                m.put("sigmas", o.ladder());
            }
            case DSM -> putSde(m, s);
            default -> { }
        }
        m.put("data", s.data());
        m.put("rows", s.rows());
        m.put("seed", s.seed());
        return m;
    }

    /** dsm's settings: sde, its parameters (beta_min/beta_max, or sigma_min/sigma_max/sigma_max_from), weighting, eps, embedding. */
    private static void putSde(Map<String, Object> m, TrainingSpec s) {
        ObjectiveOptions o = s.options();
        m.put("sde", o.sde().id());
        if (o.sde() instanceof Sde.Ve ve) {
            m.put("sigma_min", ve.sigmaMin());
            m.put("sigma_max", ve.sigmaMax());
            m.put("sigma_max_from", s.ladderOrigin());
        } else {
            double[] b = betas(o.sde());
            m.put("beta_min", b[0]);
            m.put("beta_max", b[1]);
        }
        m.put("weighting", o.weighting());
        m.put("eps", o.eps());
        m.put("embedding", SINUSOIDAL);
        m.put("embedding_dim", o.embedding().size());
        m.put("embedding_scale", o.embedding().scale());
    }

    private static double[] betas(Sde sde) {
        return sde instanceof Sde.Vp vp ? new double[] {vp.betaMin(), vp.betaMax()}
                : new double[] {((Sde.SubVp) sde).betaMin(), ((Sde.SubVp) sde).betaMax()};
    }

    /** The SDE in words, e.g. {@code VP SDE (beta 0.1 .. 20.0)}. */
    static String describe(Sde sde) {
        if (sde instanceof Sde.Ve ve) {
            return "VE SDE (sigma " + ve.sigmaMin() + " .. " + ve.sigmaMax() + ")";
        }
        double[] b = betas(sde);
        return (sde instanceof Sde.Vp ? "VP" : "sub-VP") + " SDE (beta " + b[0] + " .. " + b[1] + ")";
    }

    /**
     * The conditioning a model's metadata implies: the noise level when it has a ladder, time on its SDE when
     * its objective is dsm, none otherwise.
     *
     * @throws IllegalArgumentException naming a dsm setting that is missing or malformed
     */
    static Conditioning conditioning(Map<String, String> meta, NoiseLadder ladder) {
        if (ladder != null) {
            return Conditioning.noiseLevel();
        }
        if (!ObjectiveKind.DSM.id().equals(meta.get("objective"))) {
            return Conditioning.none();
        }
        return Conditioning.time(sde(meta), embedding(meta));
    }

    private static Sde sde(Map<String, String> meta) {
        String id = get(meta, "sde");
        if (id.equals("ve")) {
            return new Sde.Ve(parseDouble(meta, "sigma_min"), parseDouble(meta, "sigma_max"));
        }
        return Sde.parse(id, 1, 2, parseDouble(meta, "beta_min"), parseDouble(meta, "beta_max"));
    }

    private static TimeEmbedding embedding(Map<String, String> meta) {
        if (!SINUSOIDAL.equals(get(meta, "embedding"))) {
            throw new IllegalArgumentException("metadata 'embedding' is '" + meta.get("embedding") + "', not "
                    + SINUSOIDAL);
        }
        return new TimeEmbedding(parseInt(meta, "embedding_dim"), meta.containsKey("embedding_scale")
                ? parseDouble(meta, "embedding_scale") : TimeEmbedding.LEGACY_SCALE);
    }

    static Map<String, String> encode(TrainingSpec s) {
        Map<String, String> out = new LinkedHashMap<>();
        settings(s).forEach((k, v) -> {
            if (!(v instanceof NoiseLadder l && l.isGeometric())) {
                out.put(k, text(k, v));
            }
        });
        return out;
    }

    /** One typed value as metadata text. */
    private static String text(String key, Object v) {
        if (key.equals("optimizer")) {
            double clip = (Double) v;
            return clip > 0 ? "clip_by_global_norm(" + clip + ") + adam" : "adam";
        }
        if (v instanceof ObjectiveKind k) {
            return k.id();
        } else if (v instanceof Activation a) {
            return a.id();
        } else if (v instanceof Init i) {
            return i.id();
        } else if (v instanceof TimeWeighting w) {
            return w.id();
        } else if (v instanceof Projection p) {
            return p.id();
        } else if (v instanceof TrainingSpec.LadderOrigin o) {
            return o.id();
        } else if (v instanceof NoiseLadder l) {
            try {
                return JSON.writeValueAsString(l.sigmas());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(v);
    }

    static TrainingSpec decode(Map<String, String> meta, NoiseLadder modelLadder) {
        ObjectiveKind objective = ObjectiveKind.parse(get(meta, "objective"));
        ObjectiveOptions d = ObjectiveOptions.defaults();
        ObjectiveOptions options = switch (objective) {
            case SLICED, SLICED_VR -> new ObjectiveOptions(parseInt(meta, "projections"),
                    Projection.parse(get(meta, "projection")), d.sigma(), null);
            case DENOISING -> new ObjectiveOptions(d.projections(), d.projection(), parseDouble(meta, "sigma"), null);
            case NCSN -> d.withLadder(ladder(meta, modelLadder));
            case DSM -> d.withSde(sde(meta), TimeWeighting.parse(get(meta, "weighting")), parseDouble(meta, "eps"),
                    embedding(meta));
            default -> d;
        };
        TrainingSpec.LadderOrigin origin = TrainingSpec.hasSigmaMax(objective, options)
                ? TrainingSpec.LadderOrigin.parse(get(meta, "sigma_max_from")) : null;
        double ema = meta.containsKey("ema") ? parseDouble(meta, "ema") : 0;
        return new TrainingSpec(objective, options, origin, hidden(get(meta, "hidden")),
                Activation.parse(get(meta, "activation")), Init.parse(get(meta, "init")), parseDouble(meta, "lr"),
                clip(get(meta, "optimizer")), ema, parseInt(meta, "epochs"), parseInt(meta, "batch"),
                parseLong(meta, "seed"), get(meta, "data"), parseInt(meta, "rows"));
    }

    /** The ncsn ladder: the model's, else {@code sigmas}, else geometric from sigma_max, sigma_min, levels. */
    private static NoiseLadder ladder(Map<String, String> meta, NoiseLadder modelLadder) {
        if (modelLadder != null) {
            return modelLadder;
        }
        if (meta.containsKey("sigmas")) {
            try {
                return new NoiseLadder(JSON.readValue(meta.get("sigmas"), double[].class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("metadata 'sigmas' is not a list of numbers: " + e.getOriginalMessage());
            }
        }
        return NoiseLadder.geometric(parseDouble(meta, "sigma_max"), parseDouble(meta, "sigma_min"),
                parseInt(meta, "levels"));
    }

    private static List<Integer> hidden(String s) {
        String body = s.strip();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new IllegalArgumentException("metadata 'hidden' is '" + s + "', not a list like [64, 64]");
        }
        List<Integer> out = new ArrayList<>();
        for (String part : body.substring(1, body.length() - 1).split(",")) {
            out.add(parse("hidden", part.strip(), Integer::valueOf));
        }
        return out;
    }

    private static double clip(String optimizer) {
        if (optimizer.equals("adam")) {
            return 0;
        }
        Matcher m = CLIPPED.matcher(optimizer);
        if (!m.matches()) {
            throw new IllegalArgumentException("metadata 'optimizer' is '" + optimizer
                    + "' (adam or clip_by_global_norm(C) + adam)");
        }
        return parse("optimizer", m.group(1), Double::valueOf);
    }

    static List<TrainingSpec.Difference> differences(TrainingSpec was, TrainingSpec now, List<String> ignoring) {
        Map<String, Object> a = settings(was);
        Map<String, Object> b = settings(now);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<TrainingSpec.Difference> out = new ArrayList<>();
        for (String k : keys) {
            if (!ignoring.contains(k) && !Objects.equals(a.get(k), b.get(k))) {
                out.add(new TrainingSpec.Difference(k, a.containsKey(k) ? text(k, a.get(k)) : null,
                        b.containsKey(k) ? text(k, b.get(k)) : null));
            }
        }
        return out;
    }

    private static String get(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException("metadata '" + key + "' missing");
        }
        return v;
    }

    private static int parseInt(Map<String, String> meta, String key) {
        return parse(key, get(meta, key), Integer::valueOf);
    }

    private static long parseLong(Map<String, String> meta, String key) {
        return parse(key, get(meta, key), Long::valueOf);
    }

    private static double parseDouble(Map<String, String> meta, String key) {
        return parse(key, get(meta, key), Double::valueOf);
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metadata '" + key + "' is '" + value + "', not a number");
        }
    }
}
