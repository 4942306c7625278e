package io.score4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library example is a separate consumer project (docs/examples/consumer) that depends on
 * score4j-core alone: this test checks the README shows that file verbatim, that core's runtime
 * classpath holds no CLI parser or charting library, then compiles the example against that classpath
 * only and runs it in a child JVM (40 epochs and 300 steps instead of 500 and 1000) to the seed's
 * quality: Fisher divergence ≤ 0.05 (the full run reaches 0.014) and particles on both sides of 0.
 */
class ConsumerProjectTest {
    private static final Path PROJECT = Path.of("..", "docs", "examples", "consumer");
    private static final Path SOURCE = PROJECT.resolve("src/main/java/example/SeedExample.java");

    @TempDir
    Path out;

    @Test
    void readmeShowsTheConsumerExampleVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int library = readme.indexOf("\n## Library\n");
        assertTrue(library >= 0, "README has no Library section");
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(library));
        assertTrue(block.find(), "README's Library section has no java block");
        assertEquals(Files.readString(SOURCE), block.group(1));
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(PROJECT.resolve("pom.xml").toFile());   // Maven refuses a pom that is not well-formed XML
        assertTrue(pom.contains("<artifactId>score4j-core</artifactId>"), pom);
        assertFalse(pom.contains("<artifactId>score4j-cli</artifactId>") || pom.contains("<artifactId>score4j-report</artifactId>"));
    }

    @Test
    void exampleCompilesAndRunsOnCoreAloneToTheSeedsQuality() throws Exception {
        String runtime = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        for (String forbidden : List.of("picocli", "jfree", "score4j-cli", "score4j-report")) {
            assertFalse(runtime.contains(forbidden), "score4j-core's runtime classpath holds " + forbidden + ": " + runtime);
        }
        String classpath = Path.of("target", "classes").toAbsolutePath() + (runtime.isEmpty() ? "" : File.pathSeparator + runtime);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--release", "17", "--add-modules", "jdk.incubator.vector",
                "-cp", classpath, "-d", out.toString(), SOURCE.toString());
        assertEquals(0, compiled, "the consumer example does not compile against score4j-core alone");

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", out + File.pathSeparator + classpath,
                "example.SeedExample", "40", "300"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the example did not finish");
        assertEquals(0, p.exitValue(), output);
        Matcher m = Pattern.compile("fisher_divergence (\\S+) right_fraction (\\S+)").matcher(output);
        assertTrue(m.find(), output);
        double fisher = Double.parseDouble(m.group(1));
        double right = Double.parseDouble(m.group(2));
        assertTrue(fisher <= 0.05, "Fisher divergence " + fisher + " should be <= 0.05");
        assertTrue(right > 0 && right < 1, "particles should reach both sides of 0: " + right);
    }
}
