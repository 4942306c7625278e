package io.score4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in a fresh JVM (its own start, so its own hash salts), as a user's shell would. */
final class ChildJvm {
    private ChildJvm() {}

    /** What a finished child did; {@code code} is -1 when it was killed at the time limit. */
    record Result(int code, String output) {}

    /** Starts {@code score4j args...} with {@code jvmOptions}, output discarded. */
    static Process start(List<String> jvmOptions, List<String> args) throws IOException {
        return builder(jvmOptions, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Runs to the end, or kills it after {@code seconds}; stdout and stderr together in the result. */
    static Result run(List<String> jvmOptions, List<String> args, int seconds) throws IOException, InterruptedException {
        Process p = builder(jvmOptions, args).start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
        return new Result(done ? p.exitValue() : -1, text);
    }

    /** The output without the JDK's incubator-module notice. */
    static String withoutJvmNotices(String output) {
        return output.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
    }

    private static ProcessBuilder builder(List<String> jvmOptions, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true"));
        // The child must take the same math path as this JVM (Vector API on or off), or its bits differ.
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(jvmOptions);
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }
}
