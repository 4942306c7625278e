package io.score4j.density;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated text fed to {@link GaussianMixture#fromJson}: it throws only {@link InputException}. */
class MixtureJsonFuzzTest {
    private static final String[] BASES = {
        "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}",
        "{\"weights\":[0.2,0.8],\"means\":[[0,1],[2,3]],\"stds\":[[1,2],[0.5,0.25]]}",
        "{ \"stds\" : [[1e-3]], \"means\" : [[1E2]], \"weights\" : [1] }",
    };
    private static final char[] INTERESTING = {'{', '}', '[', ']', ',', ':', '"', '.', 'e', '-', '+', '0', '1', '9',
        'n', 'u', 'l', 't', 'N', ' ', '\\', '\n', '\u0000', 'é', '\uD800'};

    @Property(tries = 500)
    void randomTextOnlyThrowsInputException(@ForAll("randomJsonish") String text) {
        parseExpectingOnlyInputException(text);
    }

    @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
    void mutatedMixtureJsonOnlyThrowsInputException(@ForAll("mutatedJson") String text) {
        parseExpectingOnlyInputException(text);
    }

    @Provide
    Arbitrary<String> randomJsonish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(INTERESTING).ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(80));
    }

    @Provide
    Arbitrary<String> mutatedJson() {
        Arbitrary<int[]> op = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, INTERESTING.length - 1)).as((k, p, c) -> new int[] {k, p, c});
        return Combinators.combine(Arbitraries.of(BASES), op.list().ofMinSize(1).ofMaxSize(5)).as((base, ops) -> {
            StringBuilder b = new StringBuilder(base);
            for (int[] o : ops) {
                int at = o[1] % (b.length() + 1);
                char ch = INTERESTING[o[2]];
                if (o[0] == 0 || b.length() == 0) {
                    b.insert(at, ch);
                } else if (o[0] == 1) {
                    b.deleteCharAt(Math.min(at, b.length() - 1));
                } else {
                    b.setCharAt(Math.min(at, b.length() - 1), ch);
                }
            }
            return b.toString();
        });
    }

    private static void parseExpectingOnlyInputException(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                GaussianMixture g = GaussianMixture.fromJson(text, "fuzz.json");
                assertTrue(g.components() >= 1 && g.dim() >= 1);
            } catch (InputException e) {
                String m = e.getMessage();
                assertTrue(m.startsWith("fuzz.json: "), m);
                assertTrue(m.indexOf('\n') < 0 && m.indexOf('\r') < 0, m);
            }
        });
    }
}
