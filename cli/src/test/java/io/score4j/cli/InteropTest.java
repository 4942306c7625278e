package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import io.score4j.data.Csv;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A safetensors MLP written by "another tool" — bytes assembled here by hand, with only the documented
 * tensor keys and an {@code activation} entry — loads in score4j and gives the scores computed by hand.
 */
class InteropTest {
    @TempDir
    Path dir;

    // MLP [2, 3, 2], tanh: s(x) = tanh(x·W0 + b0)·W1 + b1, W0 [2,3], W1 [3,2] row-major.
    static final float[] W0 = {0.5f, -1.0f, 0.25f, 1.5f, 0.75f, -0.5f};
    static final float[] B0 = {0.1f, -0.2f, 0.3f};
    static final float[] W1 = {1.0f, -0.5f, 0.25f, 2.0f, -1.5f, 0.5f};
    static final float[] B1 = {0.05f, -0.05f};

    static byte[] handBuiltFile() {
        String header = "{\"__metadata__\":{\"activation\":\"tanh\"},"
                + "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[24,36]},"
                + "\"layers.1.weight\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[36,60]},"
                + "\"layers.1.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[60,68]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + h.length + 68).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h);
        for (float[] a : new float[][] {W0, B0, W1, B1}) {
            for (float v : a) {
                buf.putFloat(v);
            }
        }
        return buf.array();
    }

    static double[] handScore(double x0, double x1) {
        double[] a = new double[3];
        for (int k = 0; k < 3; k++) {
            a[k] = Math.tanh(x0 * W0[k] + x1 * W0[3 + k] + B0[k]);
        }
        double[] s = new double[2];
        for (int j = 0; j < 2; j++) {
            s[j] = B1[j] + a[0] * W1[j] + a[1] * W1[2 + j] + a[2] * W1[4 + j];
        }
        return s;
    }

    @Test
    void foreignStateDictLoadsAndScoresAsComputedByHand() throws Exception {
        Path model = Files.write(dir.resolve("foreign.safetensors"), handBuiltFile());
        double[][] pts = {{0, 0}, {1, -2}, {-0.5, 3}, {2.5, 1}};
        StringBuilder csv = new StringBuilder("a,b\n");
        for (double[] p : pts) {
            csv.append(p[0]).append(',').append(p[1]).append('\n');
        }
        Path points = Files.writeString(dir.resolve("p.csv"), csv);
        Path out = dir.resolve("s.csv");
        // The file names no columns, so they are x0, x1; --columns takes them from a, b (by name, in that order).
        CliTestSupport.Run r = run("score", "--model", model.toString(), "--csv", points.toString(), "--columns", "a,b",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        var scores = Csv.read(out);
        assertArrayEquals(new String[] {"score_x0", "score_x1"}, scores.columns());
        for (int i = 0; i < pts.length; i++) {
            double[] want = handScore(pts[i][0], pts[i][1]);
            // float32 weights and arithmetic: ~1e-6 relative; tanh within the provider's 3e-7.
            assertEquals(want[0], scores.values()[2 * i], 1e-5, "point " + i);
            assertEquals(want[1], scores.values()[2 * i + 1], 1e-5, "point " + i);
        }
    }

    @Test
    void fileWithoutActivationOrWithTruncatedBytesIsAUserError() throws Exception {
        byte[] good = handBuiltFile();
        String text = new String(good, StandardCharsets.ISO_8859_1).replace("{\"activation\":\"tanh\"}", "{\"activatiox\":\"tanh\"}");
        Path noAct = Files.write(dir.resolve("noact.safetensors"), text.getBytes(StandardCharsets.ISO_8859_1));
        Path truncated = Files.write(dir.resolve("trunc.safetensors"), java.util.Arrays.copyOf(good, good.length - 5));
        Path pts = Files.writeString(dir.resolve("p.csv"), "a,b\n1,2\n");
        for (Path m : new Path[] {noAct, truncated}) {
            CliTestSupport.Run r = run("score", "--model", m.toString(), "--csv", pts.toString(), "--out",
                    dir.resolve("s.csv").toString());
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(m.getFileName().toString()), r.err());
            assertTrue(m != noAct || r.err().contains("'activation' missing"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("s.csv")));
    }

    @Test
    void modelWrittenByScore4jHasTheDocumentedLayout() throws Exception {
        Path model = dir.resolve("m.safetensors");
        Path mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[1],\"means\":[[0,0]],\"stds\":[[1,2]]}");
        assertEquals(0, run("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "256", "--hidden", "8", "--epochs", "1", "--batch",
                "128", "-q", "--out", model.toString()).code());
        byte[] bytes = Files.readAllBytes(model);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        for (String key : new String[] {"\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,8]",
                "\"layers.1.bias\":{\"dtype\":\"F32\",\"shape\":[2]", "\"activation\":\"softplus\"", "\"sizes\":\"[2,8,2]\"",
                "\"objective\":\"exact\"", "\"data_mean\"", "\"seed\":\"0\""}) {
            assertTrue(header.contains(key), key + " missing from " + header);
        }
    }
}
