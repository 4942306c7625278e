package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table model's network works on the codec's coordinates, so the score and the log-density of raw rows are not
 * defined: {@code score}, {@code logp} and {@code eval --model} refuse it with one error line, exit 2 and nothing
 * written (they printed a mean logp of −2e34 nats before).
 */
class TableModelRefusalTest {
    private static final Path TRAIN = Path.of("..", "docs", "examples", "table", "boston_train.csv");
    private static final Path HOLDOUT = Path.of("..", "docs", "examples", "table", "boston_holdout.csv");

    @TempDir
    Path dir;

    @Test
    void scoreLogpAndHeldOutLikelihoodRefuseATableModel() throws Exception {
        Path model = dir.resolve("m.safetensors");
        CliTestSupport.Run train = CliTestSupport.run("train", "--csv", TRAIN.toString(), "--epochs", "2", "-q",
                "--out", model.toString());
        assertEquals(0, train.code(), train.err());
        String[][] runs = {
            {"score", "--model", model.toString(), "--csv", HOLDOUT.toString(), "--out", dir.resolve("s.csv").toString()},
            {"logp", "--model", model.toString(), "--csv", HOLDOUT.toString(), "--out", dir.resolve("l.csv").toString()},
            {"eval", "--reference", HOLDOUT.toString(), "--samples", TRAIN.toString(), "--model", model.toString(),
                "--json", dir.resolve("e.json").toString()},
        };
        for (String[] args : runs) {
            CliTestSupport.Run r = CliTestSupport.run(args);
            assertEquals(2, r.code(), args[0] + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains("is a table model")
                    && r.err().strip().lines().count() == 1, args[0] + ": " + r.err());
        }
        for (String f : new String[] {"s.csv", "l.csv", "e.json"}) {
            assertFalse(Files.exists(dir.resolve(f)), f + " written");
        }
    }
}
