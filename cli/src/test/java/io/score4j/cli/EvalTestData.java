package io.score4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.data.Csv;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Data and helpers for the eval tests: seeded Gaussian CSVs, mixture files, JSON reading. */
final class EvalTestData {
    private EvalTestData() {}

    /** n rows of N(shift, I_d) drawn with {@code Key.of(seed)}, flat [n, d]. */
    static double[] gaussian(long seed, int n, int d, double[] shift) {
        double[] v = Draw.normalDouble(Key.of(seed), n * d);
        for (int i = 0; i < v.length; i++) {
            v[i] += shift[i % d];
        }
        return v;
    }

    /** Writes {@code values} (shape [n, header.length]) as a CSV and returns its path. */
    static Path csv(Path dir, String name, String[] header, double[] values) {
        Path file = dir.resolve(name);
        Csv.write(file, header, values, header.length);
        return file;
    }

    /** A two-component 2-D mixture: weights 0.3/0.7, means (−4, 0) and (4, 1), unit stds. */
    static Path twoModes(Path dir) throws IOException {
        return Files.writeString(dir.resolve("mix2.json"),
                "{\"weights\":[0.3,0.7],\"means\":[[-4,0],[4,1]],\"stds\":[[1,1],[1,1]]}");
    }

    /** A symmetric 1-D mixture: weights 0.5/0.5, means ±2, unit stds. */
    static Path symmetric1d(Path dir) throws IOException {
        return Files.writeString(dir.resolve("mix1.json"),
                "{\"weights\":[0.5,0.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
    }

    static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** Runs eval with --json and returns the parsed JSON, failing with stderr if the exit code is not 0. */
    static JsonNode eval(Path json, String... args) throws IOException {
        String[] all = new String[args.length + 3];
        all[0] = "eval";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        all[args.length + 2] = json.toString();
        CliTestSupport.Run r = CliTestSupport.run(all);
        if (r.code() != 0) {
            throw new AssertionError("eval exit " + r.code() + ": " + r.err());
        }
        return readJson(json);
    }
}
