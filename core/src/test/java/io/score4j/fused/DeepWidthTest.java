package io.score4j.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.score4j.tensor.simd.VectorMath;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fused deep kernels give the same bits at every vector width: child JVMs limited to 256-bit and
 * 128-bit vectors, and one on the scalar fallback, print the digest of {@link DeepWidthProbe}, which must
 * equal this JVM's (at its own preferred width).
 */
class DeepWidthTest {
    private static String child(String... jvmArgs) throws Exception {
        String main = Path.of(DeepMlp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String tests = Path.of(DeepWidthProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(main + File.pathSeparator + tests);
        cmd.add(DeepWidthProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void digestIsTheSameAtEveryVectorWidthAndOnTheScalarFallback() throws Exception {
        assumeTrue(VectorMath.vector().isPresent(), "needs the Vector API module");
        String here = "digest=" + DeepWidthProbe.digest();
        String scalar = child("-Dscore4j.vector=false");
        assertTrue(scalar.contains("kernels=scalar"), scalar);
        assertTrue(scalar.contains(here), "scalar child: " + scalar + " vs " + here);
        String narrow = child("-XX:MaxVectorSize=16");
        assertTrue(narrow.contains("kernels=vector(128)"), narrow);
        assertTrue(narrow.contains(here), "128-bit child: " + narrow + " vs " + here);
        String avx2 = child("-XX:MaxVectorSize=32");
        assertTrue(avx2.contains("kernels=vector(") && !avx2.contains("kernels=vector(512)"), avx2);
        assertTrue(avx2.contains(here), "256-bit child: " + avx2 + " vs " + here);
    }
}
