package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.cli.Main;
import io.score4j.noise.NoiseLadder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The objective flags of {@code score4j train}: validation naming the flag, and what the model records. */
final class ObjectiveFlagsTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {}

    private static Run train(Path out, String... flags) {
        List<String> args = new ArrayList<>(List.of("train", "--toy", "ring8", "--n", "256", "--hidden", "8",
                "--epochs", "1", "--batch", "128", "-q", "--out", out.toString()));
        args.addAll(List.of(flags));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, e.toString());
    }

    @Test
    void badValuesAreReportedNamingTheFlag() {
        Path out = dir.resolve("m.safetensors");
        String[][] cases = {
            {"--projections", "--objective", "sliced", "--projections", "0"},
            {"--projection", "--objective", "sliced", "--projection", "uniform"},
            {"--sigma", "--objective", "denoising", "--sigma", "0"},
            {"--sigma", "--objective", "denoising", "--sigma", "NaN"},
            {"--sigma-min", "--objective", "ncsn", "--sigma-min", "-1"},
            {"--sigma-max", "--objective", "ncsn", "--sigma-max", "0.005"},
            {"--levels", "--objective", "ncsn", "--sigma-max", "3", "--levels", "1"},
        };
        for (String[] c : cases) {
            Run r = train(out, java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(Main.USER_ERROR, r.code(), String.join(" ", c));
            assertTrue(r.err().startsWith("error: ") && r.err().contains(c[0]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void ncsnTrainsANoiseConditionalModelWithItsLadder() {
        Path out = dir.resolve("ncsn.safetensors");
        assertEquals(0, train(out, "--objective", "ncsn", "--sigma-max", "3", "--sigma-min", "0.1", "--levels", "4").code());
        ScoreModel m = ScoreModel.load(out);
        assertTrue(m.noiseConditional());
        assertArrayEquals(new int[] {3, 8, 2}, m.spec().sizes());
        assertEquals(NoiseLadder.geometric(3, 0.1, 4), m.noise());
        Map<String, String> s = m.settings();
        assertEquals("ncsn", s.get("objective"));
        assertEquals("3.0", s.get("sigma_max"));
        assertEquals("--sigma-max", s.get("sigma_max_from"));
        assertEquals("0.1", s.get("sigma_min"));
        assertEquals("4", s.get("levels"));
        assertFalse(s.containsKey("projections"));
    }

    @Test
    void slicedAndDenoisingRecordTheirSettings() {
        Path sliced = dir.resolve("sliced.safetensors");
        assertEquals(0, train(sliced, "--objective", "sliced-vr", "--projections", "2", "--projection", "Gaussian").code());
        ScoreModel m = ScoreModel.load(sliced);
        assertFalse(m.noiseConditional());
        assertArrayEquals(new int[] {2, 8, 2}, m.spec().sizes());
        assertEquals("sliced-vr", m.settings().get("objective"));
        assertEquals("2", m.settings().get("projections"));
        assertEquals("gaussian", m.settings().get("projection"));
        assertFalse(m.settings().containsKey("sigma"));
        Path denoising = dir.resolve("dsm.safetensors");
        assertEquals(0, train(denoising, "--objective", "denoising", "--sigma", "0.25").code());
        assertEquals("0.25", ScoreModel.load(denoising).settings().get("sigma"));
        assertEquals(0, ScoreModel.load(denoising).sigmas().length);
    }
}
