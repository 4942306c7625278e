package io.score4j.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Evaluation}: the suite's numbers are {@link Comparison}'s at the same settings, and its JSON names the files. */
class EvaluationTest {
    private static Dataset normal(long seed, int n, int d) {
        return Dataset.of(d, Draw.normalDouble(Key.of(seed), n * d));
    }

    @Test
    void againstRowsItIsTheSuiteAtItsDefaultsPlusTheFidelityChecks() {
        Dataset samples = normal(1, 300, 2);
        Dataset reference = normal(2, 300, 2);
        ComparisonInputs in = new ComparisonInputs("b.csv", samples, "a.csv", Reference.rows(reference), null);
        Evaluation e = Evaluation.of(in, null, 5, 17, false, Parallelism.of(2));
        ComparisonResult direct = Comparison.compare(samples, Reference.rows(reference),
                ComparisonSettings.defaults(5).withProjections(17));
        assertEquals(direct.toJson(), e.result().toJson());
        assertEquals(e.result().metrics().size() + e.fidelity().metrics().size(), e.metrics().size());
        Map<String, Object> json = e.toJson("c.csv");
        assertEquals("b.csv", ((Map<?, ?>) json.get("samples")).get("file"));
        assertEquals(300, ((Map<?, ?>) json.get("samples")).get("rows"));
        assertEquals(Map.of("kind", "csv", "file", "a.csv", "rows", 300), json.get("reference"));
        assertEquals("c.csv", ((Map<?, ?>) json.get("fidelity")).get("holdout_file"));
        assertEquals(17, json.get("projections"));
    }

    @Test
    void againstAMixtureThereAreNoFidelityChecksAndSeveralFilesAreListed() {
        GaussianMixture mix = GaussianMixture.fromJson("{\"weights\":[1],\"means\":[[0,0]],\"stds\":[[1,1]]}", "m");
        ComparisonInputs one = new ComparisonInputs("b.csv", normal(3, 200, 2), "m.json", Reference.mixture(mix), null);
        ComparisonInputs two = new ComparisonInputs("c.csv", normal(4, 200, 2), "m.json", Reference.mixture(mix), null);
        Evaluation a = Evaluation.of(one, null, 0, 8, true, Parallelism.single());
        Evaluation b = Evaluation.of(two, null, 0, 8, true, Parallelism.single());
        assertNull(a.fidelity());
        assertEquals(a.result().metrics(), a.metrics());
        assertEquals("mixture", ((Map<?, ?>) a.toJson(null).get("reference")).get("kind"));
        Map<String, Object> both = Evaluation.toJson(List.of(a, b), null);
        assertEquals(List.of("comparisons"), List.copyOf(both.keySet()));
        List<?> list = (List<?>) both.get("comparisons");
        assertEquals(2, list.size());
        assertEquals("c.csv", ((Map<?, ?>) ((Map<?, ?>) list.get(1)).get("samples")).get("file"));
        assertTrue(Evaluation.toJson(List.of(a), null).containsKey("mmd2"));
    }
}
