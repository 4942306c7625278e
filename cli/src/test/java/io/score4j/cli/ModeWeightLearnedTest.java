package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import io.score4j.data.Csv;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ModeMass;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/examples/mode-weights.md with a learned noise-conditional model, through the CLI:
 * p = 0.8·N((5,5), I) + 0.2·N((−5,−5), I); train --objective ncsn on 8000 points with the ladder of the
 * experiment (10 geometric σ from 20 to 1); annealed Langevin (100 steps per level, ε = 0.1) from
 * U[−8,8]² puts 0.80 ± 0.05 of the mass on the heavy mode. The binomial SE at 4000 particles is 0.0063;
 * the rest of the band is the learned score's own error (about ±0.03 across training lengths we tried).
 */
class ModeWeightLearnedTest {
    @TempDir
    Path dir;

    @Test
    void annealedSamplingOfALearnedNoiseConditionalModelRecoversTheWeights() throws Exception {
        Path mix = Files.writeString(dir.resolve("modes.json"),
                "{\"weights\":[0.8,0.2],\"means\":[[5,5],[-5,-5]],\"stds\":[[1,1],[1,1]]}");
        Path model = dir.resolve("ncsn.safetensors");
        assertEquals(0, run("train", "--mixture", mix.toString(), "--n", "8000", "--objective", "ncsn", "--sigma-max", "20",
                "--sigma-min", "1", "--levels", "10", "--hidden", "64,64", "--activation", "silu", "--init", "scaled",
                "--epochs", "60", "--batch", "256", "--lr", "3e-3", "-q", "--out", model.toString()).code());
        Path annealed = dir.resolve("annealed.csv");
        assertEquals(0, run("sample", "--model", model.toString(), "--sampler", "annealed", "--n", "4000", "--steps", "100",
                "--step-size", "0.1", "--start-low", "-8", "--start-high", "8", "-q", "--out", annealed.toString()).code());
        GaussianMixture modes = GaussianMixture.fromJson(Files.readString(mix), "modes.json");
        double heavy = ModeMass.perComponent(Csv.read(annealed).values(), modes)[0];
        assertEquals(0.80, heavy, 0.05, "heavy-mode mass of annealed Langevin with the learned score");
    }
}
