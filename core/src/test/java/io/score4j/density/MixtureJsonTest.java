package io.score4j.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import org.junit.jupiter.api.Test;

class MixtureJsonTest {
    private static final String SEED = "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}";

    @Test
    void parsesTheSeedMixture() {
        GaussianMixture g = GaussianMixture.fromJson(SEED, "seed.json");
        assertEquals(GaussianMixtureTest.seedMixture(), g);
    }

    @Test
    void toJsonRoundTripsExactly() {
        GaussianMixture g = new GaussianMixture(new double[] {0.1, 0.2, 0.7},
                new double[][] {{-1e-300, 0.1}, {Math.PI, -0.0}, {1e300, 2}},
                new double[][] {{Double.MIN_NORMAL * 1e160, 3}, {0.3, 1e-7}, {1e149, 1}});
        String json = g.toJson();
        assertEquals(g, GaussianMixture.fromJson(json, "round-trip"));
        assertTrue(json.startsWith("{\"weights\":[0.1,0.2,0.7],\"means\":[["), json);
    }

    @Test
    void malformedJsonNamesTheSource() {
        expect("mix.json: malformed JSON", "{\"weights\":[.5,.5]");
        expect("mix.json: malformed JSON", "{\"weights\":[0.5,0.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]} extra");
        expect("mix.json: malformed JSON", "{\"weights\":[NaN],\"means\":[[0]],\"stds\":[[1]]}");
        expect("mix.json: expected a JSON object", "[1,2]");
        expect("mix.json: expected a JSON object", "");
        expect("mix.json: no JSON text", null);
    }

    @Test
    void missingUnknownAndDuplicateFieldsAreNamed() {
        expect("mix.json: missing field 'stds'", "{\"weights\":[1],\"means\":[[0]]}");
        expect("mix.json: missing field 'weights'", "{\"means\":[[0]],\"stds\":[[1]]}");
        expect("mix.json: unknown field 'std'", "{\"weights\":[1],\"means\":[[0]],\"std\":[[1]]}");
        expect("mix.json: malformed JSON: Duplicate field 'weights'", "{\"weights\":[1],\"weights\":[1],\"means\":[[0]],\"stds\":[[1]]}");
    }

    @Test
    void wrongTypesNameTheField() {
        expect("mix.json: field 'weights' must be an array", "{\"weights\":1,\"means\":[[0]],\"stds\":[[1]]}");
        expect("mix.json: field 'weights[0]' must be a number, got string",
                "{\"weights\":[\"1\"],\"means\":[[0]],\"stds\":[[1]]}");
        expect("mix.json: field 'means[0]' must be an array", "{\"weights\":[1],\"means\":[0],\"stds\":[[1]]}");
        expect("mix.json: field 'stds[0][0]' must be a number, got null",
                "{\"weights\":[1],\"means\":[[0]],\"stds\":[[null]]}");
        expect("mix.json: field 'means' must be an array of arrays", "{\"weights\":[1],\"means\":{},\"stds\":[[1]]}");
    }

    @Test
    void invalidMixturesNameTheSourceAndField() {
        expect("mix.json: stds[1][0] must be finite and > 0", "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[0]]}");
        expect("mix.json: weights sum to 0.9", "{\"weights\":[.5,.4],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
        expect("mix.json: means[1]", "{\"weights\":[.5,.5],\"means\":[[-2],[2,1]],\"stds\":[[1],[1]]}");
        expect("mix.json: stds[0][0] must be finite", "{\"weights\":[1],\"means\":[[0]],\"stds\":[[1e999]]}");
    }

    private static void expect(String fragment, String json) {
        InputException e = assertThrows(InputException.class, () -> GaussianMixture.fromJson(json, "mix.json"));
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks " + fragment);
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\r"), "one line");
    }
}
