package io.score4j.tensor.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts child JVMs to check the start-up choice, including that no vector class loads without the module. */
class ProviderSelectionTest {
    private static String run(String... jvmArgs) throws IOException, InterruptedException, URISyntaxException {
        String classes = Path.of(VectorMath.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String tests = Path.of(ProviderProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-Xlog:class+load=info");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(classes + File.pathSeparator + tests);
        cmd.add(ProviderProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void withoutTheModuleTheScalarProviderRunsAndNoVectorClassLoads() throws Exception {
        String out = run();
        assertTrue(out.contains("provider=scalar enabled=false"), out);
        assertTrue(out.contains("io.score4j.tensor.simd.ScalarMath source:"), "class-load log missing: " + out);
        assertFalse(out.contains("PanamaMath"), "PanamaMath was loaded");
        assertFalse(out.contains("PanamaApprox"), "PanamaApprox was loaded");
        assertFalse(out.contains("jdk.incubator.vector.FloatVector"), "FloatVector was loaded");
        assertEquals(1, occurrences(out, VectorMath.MISSING_MODULE_WARNING), "one warning naming the flag: " + out);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void propertyFalseSelectsScalarEvenWithTheModule() throws Exception {
        String out = run("--add-modules", "jdk.incubator.vector", "-Dscore4j.vector=false");
        assertTrue(out.contains("provider=scalar enabled=false"), out);
        assertFalse(out.contains("jdk.incubator.vector is not loaded"), "asked-for scalar path warned: " + out);
    }

    @Test
    void withTheModuleTheVectorProviderIsChosen() throws Exception {
        String out = run("--add-modules", "jdk.incubator.vector");
        assertTrue(out.contains("provider=vector(") && out.contains("enabled=true"), out);
        assertTrue(out.contains("io.score4j.tensor.simd.PanamaMath source:"), out);
        assertFalse(out.contains("jdk.incubator.vector is not loaded"), out);
    }
}
