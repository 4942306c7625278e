package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.data.Standardizer;
import io.score4j.model.Conditioning;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.Sde;
import io.score4j.objective.TimeWeighting;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dsm's settings and the EMA in the typed spec, its metadata, and the model file. */
final class DsmSpecTest {
    @TempDir
    Path dir;

    private static TrainingSpec dsm(Sde sde, TimeWeighting w) {
        return TrainingSpec.defaults(ObjectiveKind.DSM, ObjectiveOptions.defaults(), "toy:ring8 n=256", 256)
                .withSde(sde, w, 1e-4, new TimeEmbedding(8), TrainingSpec.LadderOrigin.DATA_DIAMETER)
                .withSchedule(2, 128, 3);
    }

    @Test
    void dsmMetadataIsWrittenInOrderAndRoundTrips() {
        TrainingSpec s = dsm(new Sde.SubVp(0.2, 15), TimeWeighting.LIKELIHOOD);
        Map<String, String> m = s.metadata();
        assertEquals(List.of("objective", "hidden", "activation", "init", "optimizer", "lr", "ema", "epochs", "batch",
                "sde", "beta_min", "beta_max", "weighting", "eps", "embedding", "embedding_dim", "embedding_scale", "data", "rows", "seed"),
                List.copyOf(m.keySet()));
        assertEquals("dsm", m.get("objective"));
        assertEquals("[128, 128, 128]", m.get("hidden"));
        assertEquals("silu", m.get("activation"));
        assertEquals("0.999", m.get("ema"));
        assertEquals("subvp", m.get("sde"));
        assertEquals("0.2", m.get("beta_min"));
        assertEquals("likelihood", m.get("weighting"));
        assertEquals("1.0E-4", m.get("eps"));
        assertEquals("sinusoidal", m.get("embedding"));
        assertEquals("8", m.get("embedding_dim"));
        assertNull(s.ladderOrigin(), "only VE has a sigma_max");
        assertEquals(s, TrainingSpec.fromMetadata(m, null));
        assertEquals("30.0", m.get("embedding_scale"));
        java.util.Map<String, String> old = new java.util.LinkedHashMap<>(m);
        old.remove("embedding_scale");
        assertEquals(io.score4j.model.TimeEmbedding.LEGACY_SCALE,
                TrainingSpec.fromMetadata(old, null).options().embedding().scale(),
                "a file written before the scale was recorded used score_sde's 999");
        TrainingSpec ve = dsm(new Sde.Ve(0.01, 7.5), TimeWeighting.SIGMA2);
        assertEquals("data diameter", ve.metadata().get("sigma_max_from"));
        assertEquals("7.5", ve.metadata().get("sigma_max"));
        assertEquals(ve, TrainingSpec.fromMetadata(ve.metadata(), null));
        assertEquals(List.of("sde", "sigma_min", "sigma_max", "sigma_max_from", "beta_min", "beta_max"),
                ve.differences(s).stream().map(TrainingSpec.Difference::setting).filter(k -> k.contains("sigma")
                        || k.contains("beta") || k.equals("sde")).toList());
    }

    @Test
    void emaIsRecordedOnlyWhenOnSoOlderFilesReadBack() {
        TrainingSpec exact = TrainingSpec.defaults(ObjectiveKind.EXACT, ObjectiveOptions.defaults(), "d", 10);
        assertEquals(0, exact.ema());
        assertFalse(exact.metadata().containsKey("ema"));
        assertEquals(1, exact.optimizer().init(params(exact)).states().size(), "adam alone, as before");
        TrainingSpec withEma = exact.withEma(0.5);
        assertEquals("0.5", withEma.metadata().get("ema"));
        assertEquals(withEma, TrainingSpec.fromMetadata(withEma.metadata(), null));
        assertEquals(List.of(new TrainingSpec.Difference("ema", "0.5", null)), withEma.differences(exact));
        assertThrows(IllegalArgumentException.class, () -> exact.withEma(1.0));
        assertThrows(IllegalArgumentException.class, () -> exact.withEma(-0.1));
    }

    private static Params params(TrainingSpec s) {
        return MlpInit.init(s.network(2), s.init(), Key.of(1), DType.F32);
    }

    /** A dsm model with an EMA saves both weight sets and loads back time conditioned, bit for bit. */
    @Test
    void aDsmModelFileHoldsTheEmaAndTheRawWeights() {
        TrainingSpec s = dsm(new Sde.Vp(0.1, 20), TimeWeighting.SIGMA2).withNetwork(Activation.SILU, 6);
        MlpSpec spec = s.network(2);
        assertEquals(List.of(10, 6, 2), java.util.Arrays.stream(spec.sizes()).boxed().toList());
        Params raw = MlpInit.init(spec, s.init(), Key.of(2), DType.F32);
        Optimizer<ChainState> opt = s.optimizer();
        ChainState state = opt.update(raw.map(t -> t.astype(DType.F32)), opt.init(raw), raw).state();
        Standardizer id = Standardizer.identity(2);
        ScoreModel m = ScoreModel.trained(spec, raw, state, id, new String[] {"x", "y"}, s);
        assertTrue(m.raw().bitEquals(raw));
        assertFalse(m.params().bitEquals(raw));
        Path file = dir.resolve("m.safetensors");
        m.save(file);
        ScoreModel back = ScoreModel.load(file);
        assertTrue(back.params().bitEquals(m.params()));
        assertTrue(back.raw().bitEquals(raw));
        Conditioning.Time c = assertInstanceOf(Conditioning.Time.class, back.conditioning());
        assertEquals(new Sde.Vp(0.1, 20), c.sde());
        assertEquals(8, c.embedding().size());
        assertEquals(s, back.training().orElseThrow());
        // Without an EMA part in the optimizer state the raw weights are the model's, and no raw/ tensors.
        ScoreModel plain = ScoreModel.trained(spec, raw, s.withEma(0).optimizer().init(raw), id,
                new String[] {"x", "y"}, s.withEma(0));
        assertNull(plain.raw());
        assertTrue(plain.params().bitEquals(raw));
        Map<String, String> broken = new LinkedHashMap<>(s.metadata());
        broken.put("embedding", "fourier");
        assertThrows(IllegalArgumentException.class, () -> new ScoreModel(spec, raw, id, new String[] {"x", "y"}, null,
                broken));
    }
}
