package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on a typed-table model: the numbers {@code eval --json} writes for the same files and seed, one
 * figure per column, drawn rows decoded to the table's values; its table-only flags refused for a numeric model.
 */
class TableReportCommandTest {
    @TempDir
    Path dir;

    private Path table(String name, int n, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("city,kids,income\n");
        String[] cities = {"Lyon", "Paris", "Nice"};
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(15) == 0 ? "NA" : cities[r.nextInt(3)]).append(',').append(r.nextInt(4)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", 20 + 5 * r.nextGaussian())).append('\n');
        }
        return Files.writeString(dir.resolve(name), b);
    }

    @Test
    void reportShowsEvalsNumbersForTheSameFilesAndSeed() throws IOException {
        Path real = table("real.csv", 200, 1);
        Path held = table("held.csv", 60, 2);
        Path other = table("other.csv", 150, 3);
        Path model = dir.resolve("m.safetensors");
        ok(CliTestSupport.run("train", "--objective", "exact", "--csv", real.toString(), "--hidden", "16",
                "--epochs", "5", "-q", "--out", model.toString()));
        Path out = dir.resolve("rep");
        CliTestSupport.Run rep = CliTestSupport.run("report", "--model", model.toString(), "--csv", real.toString(),
                "--n-samples", "120", "--steps", "30", "--holdout", held.toString(), "--seed", "3", "--out", out.toString());
        ok(rep);
        assertTrue(rep.out().contains("score model (drawn): columns passing"), rep.out());
        JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> names = new ArrayList<>();
        r.path("figures").forEach(f -> names.add(f.path("name").asText()));
        assertEquals(List.of("col_0", "col_1", "col_2", "pairs"), names, "one figure per column, then the pairs");
        assertEquals("city,kids,income", Files.readAllLines(out.resolve("samples.csv")).get(0));
        Path evalJson = dir.resolve("eval.json");
        ok(CliTestSupport.run("eval", "--reference", real.toString(), "--samples", out.resolve("samples.csv").toString(),
                "--holdout", held.toString(), "--seed", "3", "--json", evalJson.toString()));
        JsonNode e = new ObjectMapper().readTree(evalJson.toFile());
        JsonNode c = r.path("comparisons").get(0);
        assertTrue(e.path("mmd2").isNumber() && e.path("fidelity").path("c2st_holdout").path("accuracy").isNumber(), e.toString());
        assertEquals(e.path("fidelity").path("c2st_holdout").toString(), c.path("fidelity").path("c2st_holdout").toString());
        assertEquals(e.path("fidelity").path("c2st").toString(), c.path("fidelity").path("c2st").toString());
        assertEquals(e.path("fidelity").path("dcr").toString(), c.path("fidelity").path("dcr").toString());
        assertEquals(e.path("fidelity").path("columns").toString(), c.path("fidelity").path("columns").toString());
        assertEquals(e.path("mmd2").toString(), c.path("mmd2").toString());

        Path two = dir.resolve("rep2");
        ok(CliTestSupport.run("report", "--model", model.toString(), "--csv", real.toString(), "--samples",
                out.resolve("samples.csv").toString(), "--samples", other.toString(), "--out", two.toString()));
        JsonNode r2 = new ObjectMapper().readTree(two.resolve("report.json").toFile());
        assertEquals(2, r2.path("comparisons").size());
        assertTrue(Files.readString(two.resolve("col_0.svg")).contains(">Lyon<"), "bars labelled by the data's levels");
    }

    @Test
    void tableFlagsAreRefusedForANumericModel() throws IOException {
        Path csv = Files.writeString(dir.resolve("xy.csv"), "x,y\n1,2\n2,3\n3,5\n4,4\n5,7\n6,6\n");
        Path model = dir.resolve("n.safetensors");
        ok(CliTestSupport.run("train", "--objective", "exact", "--csv", csv.toString(), "--types", "none", "--hidden", "8", "--epochs", "1",
                "-q", "--out", model.toString()));
        CliTestSupport.Run r = CliTestSupport.run("report", "--model", model.toString(), "--csv", csv.toString(),
                "--holdout", csv.toString(), "--out", dir.resolve("never").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --holdout"), r.err());
        assertFalse(Files.exists(dir.resolve("never").resolve("report.html")));
    }

    private static void ok(CliTestSupport.Run r) {
        assertEquals(0, r.code(), r.err());
    }
}
