package io.score4j.cli;

import static io.score4j.cli.EvalTestData.csv;
import static io.score4j.cli.EvalTestData.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user error of {@code score4j eval}: exit code 2, one {@code error:} line naming the flag or
 * file and what is wrong, nothing on stdout, and no JSON (nor temporary file) left behind.
 */
class EvalErrorsTest {
    @TempDir
    Path dir;
    private String ref;
    private String smp;
    private String mix;
    private Path json;

    @BeforeEach
    void files() throws IOException {
        ref = csv(dir, "ref.csv", new String[] {"height", "weight"}, gaussian(1, 20, 2, new double[] {170, 70})).toString();
        smp = csv(dir, "smp.csv", new String[] {"height", "weight"}, gaussian(2, 20, 2, new double[] {170, 70})).toString();
        mix = EvalTestData.symmetric1d(dir).toString();
        json = dir.resolve("out.json");
    }

    /** Runs eval with {@code --json} added and checks the error contract. */
    private void assertUserError(String[] args, String... mustMention) throws IOException {
        Set<Path> before = listing();
        String[] all = Stream.concat(Stream.of("eval"), Stream.concat(Stream.of(args), Stream.of("--json", json.toString())))
                .toArray(String[]::new);
        CliTestSupport.Run r = CliTestSupport.run(all);
        assertEquals(2, r.code(), () -> "exit code; stderr was: " + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: "), err);
        assertEquals(1, err.lines().count(), "one line expected: " + err);
        assertFalse(err.contains("Exception"), err);
        for (String m : mustMention) {
            assertTrue(err.contains(m), "'" + m + "' missing from: " + err);
        }
        assertEquals("", r.out());
        assertEquals(before, listing(), "no JSON or temporary file may be left");
    }

    private Set<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(Collectors.toSet());
        }
    }

    private static String[] args(String... a) {
        return a;
    }

    @Test
    void missingFilesAreNamedWithTheirFlag() throws IOException {
        String none = dir.resolve("none.csv").toString();
        assertUserError(args("--samples", none, "--reference", ref), "--samples", "none.csv", "not found");
        assertUserError(args("--samples", smp, "--reference", none), "--reference", "none.csv", "not found");
        assertUserError(args("--samples", smp, "--mixture", dir.resolve("none.json").toString()), "--mixture", "none.json");
    }

    @Test
    void referenceAndMixtureAreExclusiveAndOneIsRequired() throws IOException {
        assertUserError(args("--samples", smp), "--reference", "--mixture");
        assertUserError(args("--samples", smp, "--reference", ref, "--mixture", mix), "--reference", "--mixture");
        assertUserError(args("--reference", ref), "--samples");
    }

    @Test
    void columnsAreMatchedByNameAndOnesOnlyTheReferenceHasAreNamedNotCompared() throws IOException {
        // Without --columns eval compares the columns both files name; the reference's others (an id, a text
        // column) are named in a note. Files that share no column name are refused.
        Path heightOnly = Files.writeString(dir.resolve("h.csv"), "height\n170\n171\n172\n");
        CliTestSupport.Run fewer = CliTestSupport.run("eval", "--samples", heightOnly.toString(), "--reference", ref);
        assertEquals(0, fewer.code(), fewer.err());
        assertTrue(fewer.err().contains("note: --reference " + ref + ": ignoring column weight (not in --samples"), fewer.err());
        assertTrue(fewer.out().contains("height") && !fewer.out().contains("weight"), fewer.out());
        Path other = Files.writeString(dir.resolve("o.csv"), "age\n30\n31\n32\n");
        assertUserError(args("--samples", other.toString(), "--reference", ref), "--samples", "o.csv",
                "--reference", "ref.csv", "share no column name", "height, weight");
        assertUserError(args("--samples", smp, "--reference", ref, "--columns", "height,age"), "--reference", "ref.csv",
                "age");
        assertUserError(args("--samples", smp, "--reference", ref, "--columns", "height,height"), "--columns", "height");
    }

    @Test
    void aDimensionDifferentFromTheMixtureIsRefused() throws IOException {
        assertUserError(args("--samples", smp, "--mixture", mix), "--samples", "smp.csv", "2 columns",
                "mix1.json", "dimension 1", "--columns");
        assertUserError(args("--samples", smp, "--mixture", mix, "--columns", "height,weight"), "dimension 1");
        Path badMix = Files.writeString(dir.resolve("bad.json"), "{\"weights\":[1],\"means\":[[0]]}");
        assertUserError(args("--samples", smp, "--mixture", badMix.toString()), "--mixture", "bad.json");
    }

    @Test
    void fewerThanTwoRowsIsRefused() throws IOException {
        Path one = Files.writeString(dir.resolve("one.csv"), "height,weight\n170,70\n");
        assertUserError(args("--samples", one.toString(), "--reference", ref), "--samples", "one.csv", "at least 2");
        assertUserError(args("--samples", smp, "--reference", one.toString()), "--reference", "one.csv", "at least 2");
        Path diverged = Files.writeString(dir.resolve("div.csv"), "height,weight\n170,70\nnan,70\n1e400,3\n");
        assertUserError(args("--samples", diverged.toString(), "--reference", ref), "div.csv", "1 finite data row of 3",
                "NaN or infinite");
        Path headerOnly = Files.writeString(dir.resolve("empty.csv"), "height,weight\n");
        assertUserError(args("--samples", headerOnly.toString(), "--reference", ref), "empty.csv", "no data rows");
    }

    @Test
    void badCellsAndFlagValuesAreNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("t.csv"), "height,weight\n170,70\n171,heavy\n");
        assertUserError(args("--samples", text.toString(), "--reference", ref), "t.csv", "row 3", "'weight'", "heavy");
        Path ragged = Files.writeString(dir.resolve("r.csv"), "height,weight\n170,70\n171\n");
        assertUserError(args("--samples", ragged.toString(), "--reference", ref), "r.csv", "row 3", "expected 2 cells");
        assertUserError(args("--samples", smp, "--reference", ref, "--projections", "0"), "--projections", "0");
        assertUserError(args("--samples", smp, "--reference", ref, "--seed", "x"), "--seed");
    }

    @Test
    void anUnwritableJsonTargetFailsBeforeAnyWork() throws IOException {
        CliTestSupport.Run r = CliTestSupport.run("eval", "--samples", smp, "--reference", ref, "--json",
                dir.resolve("no/such/dir/e.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --json"), r.err());
        CliTestSupport.Run d = CliTestSupport.run("eval", "--samples", smp, "--reference", ref, "--json", dir.toString());
        assertEquals(2, d.code());
        assertTrue(d.err().contains("is a directory"), d.err());
        String before = Files.readString(Path.of(smp));
        CliTestSupport.Run same = CliTestSupport.run("eval", "--samples", smp, "--reference", ref, "--json", smp);
        assertEquals(2, same.code());
        assertTrue(same.err().contains("would overwrite the input"), same.err());
        assertEquals(before, Files.readString(Path.of(smp)));
    }
}
