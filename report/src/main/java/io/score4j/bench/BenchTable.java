package io.score4j.bench;

import io.score4j.tensor.simd.VectorMath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of {@code score4j bench} as a text table (median, min, max, per step, throughput, threads, JDK,
 * vector provider) and as a JSON-ready map with the machine's facts.
 */
public final class BenchTable {
    private BenchTable() {}

    /** One line per phase, with a header; the JDK and vector provider on every line. */
    public static String text(List<BenchResult> results, int threads) {
        StringBuilder sb = new StringBuilder();
        String jdk = Runtime.version().toString();
        String vec = VectorMath.provider().name();
        sb.append(String.format(Locale.ROOT, "%-15s %4s %10s %10s %10s %12s %16s %7s %-14s %s%n", "phase", "runs",
                "median", "min", "max", "per step", "throughput", "threads", "JDK", "vector"));
        for (BenchResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-15s %4d %9.3fs %9.3fs %9.3fs %10.3fms %16s %7d %-14s %s%n", r.phase(),
                    r.runs(), r.median(), r.min(), r.max(), r.perStepMs(), r.throughput(), threads, jdk, vec));
        }
        return sb.toString();
    }

    public static Map<String, Object> json(List<BenchResult> results, int threads) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("jdk", Runtime.version().toString());
        root.put("vector", VectorMath.vectorEnabled());
        root.put("math", VectorMath.provider().name());
        root.put("threads", threads);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phase", r.phase());
            m.put("runs", r.runs());
            m.put("steps_per_run", r.steps());
            m.put("median_s", r.median());
            m.put("min_s", r.min());
            m.put("max_s", r.max());
            m.put("per_step_ms", r.perStepMs());
            m.put("throughput", r.throughput());
            m.put("seconds", r.seconds());
            rows.add(m);
        }
        root.put("phases", rows);
        return root;
    }
}
