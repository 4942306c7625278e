package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench}: a tiny run writes one JSON row per phase; bad flags are one-line user errors. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private static final String[] TINY = {"--runs", "2", "--steps", "1", "--batch", "64", "--hidden", "8",
        "--particles", "16", "--langevin-steps", "2", "--threads", "1"};

    private static String[] bench(String... args) {
        String[] all = new String[1 + TINY.length + args.length];
        all[0] = "bench";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        System.arraycopy(args, 0, all, 1 + TINY.length, args.length);
        return all;
    }

    @Test
    void tinyRunWritesOneRowPerPhase() throws Exception {
        Path json = dir.resolve("b.json");
        CliTestSupport.Run r = run(bench("--phases", "train,score,langevin-fused", "--json", json.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(1, root.get("threads").asInt());
        JsonNode phases = root.get("phases");
        assertEquals(3, phases.size());
        String[] names = {"train", "score", "langevin-fused"};
        String[] units = {" examples/s", " points/s", " particle-steps/s"};
        for (int i = 0; i < 3; i++) {
            JsonNode p = phases.get(i);
            assertEquals(names[i], p.get("phase").asText());
            assertEquals(2, p.get("runs").asInt());
            assertEquals(2, p.get("seconds").size());
            double lo = Math.min(p.get("seconds").get(0).asDouble(), p.get("seconds").get(1).asDouble());
            double hi = Math.max(p.get("seconds").get(0).asDouble(), p.get("seconds").get(1).asDouble());
            assertEquals(lo, p.get("min_s").asDouble());
            assertEquals(hi, p.get("max_s").asDouble());
            assertEquals(0.5 * (lo + hi), p.get("median_s").asDouble(), 1e-15 * hi);
            assertEquals(1e3 * p.get("median_s").asDouble() / p.get("steps_per_run").asInt(),
                    p.get("per_step_ms").asDouble(), 1e-12 * p.get("per_step_ms").asDouble());
            assertTrue(p.get("throughput").asText().endsWith(units[i]), p.get("throughput").asText());
        }
        // The train phase covers whole epochs: 20000 rows / batch 64 = 312 steps per epoch, one epoch.
        assertEquals(312, phases.get(0).get("steps_per_run").asInt());
        assertEquals(2, phases.get(2).get("steps_per_run").asInt());
    }

    /** score-time then score-div on one thread: CPU times in both notes, and score-div's ratio is theirs. */
    @Test
    void scoreDivReportsItsCpuRatioToScoreTime() throws Exception {
        Path json = dir.resolve("t.json");
        CliTestSupport.Run r = run(bench("--phases", "score-time,score-div", "--dim", "2", "--hidden", "8,8",
                "--activation", "silu", "--json", json.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode phases = new ObjectMapper().readTree(Files.readString(json)).get("phases");
        assertEquals("score-time", phases.get(0).get("phase").asText());
        assertEquals("score-div", phases.get(1).get("phase").asText());
        java.util.regex.Pattern cpu = java.util.regex.Pattern.compile("cpu ([0-9.]+)s");
        java.util.regex.Matcher a = cpu.matcher(phases.get(0).get("throughput").asText());
        String div = phases.get(1).get("throughput").asText();
        java.util.regex.Matcher b = cpu.matcher(div);
        assertTrue(a.find() && b.find(), div);
        java.util.regex.Matcher ratio = java.util.regex.Pattern.compile(", ([0-9.]+)x score-time \\(cpu\\)").matcher(div);
        assertTrue(ratio.find(), div);
        double ta = Double.parseDouble(a.group(1));
        double tb = Double.parseDouble(b.group(1));
        assertTrue(Double.parseDouble(ratio.group(1)) > 0, div);
        if (ta >= 1e-3) {
            // the ratio is of the unrounded times; the printed ones are rounded to 1e-4 s
            double want = tb / ta;
            assertEquals(want, Double.parseDouble(ratio.group(1)), 0.005 + want * (0.5e-4 / ta + 0.5e-4 / Math.max(tb, 1e-4)), div);
        }
    }

    @Test
    void badPhasesAndSizesAreOneLineUserErrors() {
        CliTestSupport.Run r = run(bench("--phases", "warp"));
        assertEquals(2, r.code());
        assertEquals("error: --phases: unknown phase 'warp' (use train, train-generic, score, langevin, langevin-fused,"
                + " pipeline, score-time, score-div)", r.err().strip());
        r = run(bench("--hidden", "0"));
        assertEquals(2, r.code());
        assertEquals("error: --hidden must be >= 1, got 0", r.err().strip());
        r = run("bench", "--runs", "0");
        assertEquals("error: bench sizes must all be >= 1, got 0", r.err().strip());
        r = run("bench", "--threads", "-1");
        assertEquals("error: --threads must be >= 0, got -1", r.err().strip());
        r = run(bench("--phases", "langevin-fused", "--hidden", "8,8"));
        assertEquals(2, r.code());
        assertEquals("error: --phases: langevin-fused needs a one-hidden-layer network [D, H, D]; use langevin",
                r.err().strip());
    }
}
