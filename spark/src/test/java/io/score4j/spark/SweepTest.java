package io.score4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.cli.Main;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.train.ScoreModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j sweep --spark local[2]} on a small grid: one table row per run, the lowest-MMD² model saved. */
final class SweepTest {
    @TempDir
    Path dir;

    private int cli(StringWriter err, String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void aSmallGridGivesItsTableAndTheBestModel() throws Exception {
        Path data = data(400);
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, "{\"objective\": [\"denoising\", \"sliced\"], \"hidden\": [8], \"lr\": [0.01],"
                + " \"epochs\": 3, \"batch\": 64, \"seed\": [1]}");
        Path out = dir.resolve("sweep");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "sweep", "--spark", "local[2]", "--grid", grid.toString(), "--csv", data.toString(),
                "--out", out.toString(), "--samples", "200", "--seed", "5", "-q"), err.toString());
        List<String> table = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("run,objective,hidden,lr,epochs,batch,seed,status,steps,train_loss,heldout_loss,mmd2,seconds",
                table.get(0));
        assertEquals(3, table.size(), String.join("\n", table));
        assertTrue(table.get(1).startsWith("1,denoising,8,0.01,3,64,1,ok,15,"), table.get(1));
        assertTrue(table.get(2).startsWith("2,sliced,8,0.01,3,64,1,ok,15,"), table.get(2));
        double m1 = Double.parseDouble(table.get(1).split(",")[11]);
        double m2 = Double.parseDouble(table.get(2).split(",")[11]);
        assertTrue(Double.isFinite(m1) && Double.isFinite(m2), table.toString());
        ScoreModel best = ScoreModel.load(out.resolve("best.safetensors"));
        assertEquals(m1 <= m2 ? "denoising" : "sliced", best.settings().get("objective"));
        assertArrayEquals(new String[] {"x", "y"}, best.columns());
    }

    @Test
    void anUnknownGridKeyIsOneErrorAndNothingIsWritten() throws Exception {
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, "{\"lr\": [0.01], \"widht\": [8]}");
        Path out = dir.resolve("sweep");
        StringWriter err = new StringWriter();
        assertEquals(2, cli(err, "sweep", "--spark", "local[2]", "--grid", grid.toString(), "--csv",
                data(50).toString(), "--out", out.toString()));
        assertTrue(err.toString().startsWith("error: --grid " + grid + ": unknown setting 'widht'"), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertFalse(Files.exists(out));
    }

    /** n rows of two clusters in 2-d, columns x and y. */
    private Path data(int n) throws Exception {
        double[] z = Draw.normalDouble(Key.of(21), 2 * n);
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            double c = i % 2 == 0 ? -2 : 2;
            b.append(c + 0.5 * z[2 * i]).append(',').append(c + 0.5 * z[2 * i + 1]).append('\n');
        }
        Path p = dir.resolve("data" + n + ".csv");
        Files.writeString(p, b);
        return p;
    }
}
