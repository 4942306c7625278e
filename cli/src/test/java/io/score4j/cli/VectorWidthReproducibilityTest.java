package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.io.SafeTensors;
import io.score4j.io.SafeTensorsFile;
import io.score4j.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed → same bytes on every CPU: a short demo (3 epochs of the fused training step, the fused
 * learned chain and the exact chain) run in child JVMs with the Vector API at the machine's own width,
 * at 256 bits ({@code -XX:UseAVX=2}, x86 only), at 128 bits ({@code -XX:MaxVectorSize=16}) and on the
 * scalar provider ({@code -Dscore4j.vector=false}) writes the same model tensors, samples.csv and
 * exact_samples.csv. Each child's provider is probed first, so a flag that silently did nothing fails
 * the test instead of passing it vacuously.
 */
class VectorWidthReproducibilityTest {
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @TempDir
    Path dir;

    @Test
    void demoWritesTheSameBytesAtEveryVectorWidth() throws Exception {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        settings.put("scalar", List.of("-Dscore4j.vector=false"));
        if (VECTOR) {
            settings.put(probe(List.of()), List.of());
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                settings.put("vector(256)", List.of("-XX:UseAVX=2"));
            }
            settings.put("vector(128)", List.of("-XX:MaxVectorSize=16"));
        }
        Map<String, Path> outs = new LinkedHashMap<>();
        String dots = null;
        for (Map.Entry<String, List<String>> e : settings.entrySet()) {
            String probed = probeLine(e.getValue());
            assertEquals(e.getKey(), field(probed, "provider"), "provider chosen under " + e.getValue());
            dots = dots == null ? field(probed, "dots") : dots;
            assertEquals(dots, field(probed, "dots"), "checksum of the provider's dot products under " + e.getValue());
            Path out = dir.resolve(e.getKey().replaceAll("[^a-z0-9]", ""));
            String log = runJvm(e.getValue(), List.of(Main.class.getName(), "demo", "--epochs", "3", "--langevin-steps", "30",
                    "-q", "--out", out.toString()));
            assertTrue(Files.exists(out.resolve("samples.csv")), e.getKey() + ": " + log);
            outs.put(e.getKey(), out);
        }
        Map.Entry<String, Path> first = outs.entrySet().iterator().next();
        for (Map.Entry<String, Path> e : outs.entrySet()) {
            String what = e.getKey() + " vs " + first.getKey();
            assertSameTensors(first.getValue().resolve("model.safetensors"), e.getValue().resolve("model.safetensors"), what);
            for (String csv : new String[] {"samples.csv", "exact_samples.csv"}) {
                assertArrayEquals(Files.readAllBytes(first.getValue().resolve(csv)), Files.readAllBytes(e.getValue().resolve(csv)),
                        csv + ", " + what);
            }
        }
    }

    /** Same tensor names, shapes and bits; metadata is compared as a map (its order is not the kernels' business). */
    private static void assertSameTensors(Path a, Path b, String what) {
        SafeTensorsFile fa = SafeTensors.read(a);
        SafeTensorsFile fb = SafeTensors.read(b);
        assertEquals(fa.metadata(), fb.metadata(), "metadata, " + what);
        assertEquals(List.copyOf(fa.tensors().keySet()), List.copyOf(fb.tensors().keySet()), "tensor names, " + what);
        for (Map.Entry<String, Tensor> t : fa.tensors().entrySet()) {
            assertTrue(t.getValue().bitEquals(fb.tensors().get(t.getKey())), t.getKey() + ", " + what);
        }
    }

    /** The provider name a child JVM with these flags chooses. */
    private static String probe(List<String> flags) throws IOException, InterruptedException {
        return field(probeLine(flags), "provider");
    }

    /** What {@link WidthProbe} prints in a child JVM with these flags. */
    private static String probeLine(List<String> flags) throws IOException, InterruptedException {
        return runJvm(flags, List.of(WidthProbe.class.getName()));
    }

    /** The value of {@code name=value} in the probe's output. */
    private static String field(String probed, String name) {
        int at = probed.indexOf(name + "=");
        assertTrue(at >= 0, probed);
        return probed.substring(at + name.length() + 1).split("\\s")[0];
    }

    private static String runJvm(List<String> flags, List<String> mainAndArgs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-XX:+UseSerialGC"));
        if (VECTOR) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(flags);
        cmd.addAll(mainAndArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM timed out: " + cmd);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
