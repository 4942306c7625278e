package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class IntConverterTest {
    private final Converters.IntConverter c = new Converters.IntConverter();

    @Test
    void wholeNumbersInAnyNotation() {
        assertEquals(300_000_000, c.convert("3e8"));
        assertEquals(2_000_000_000, c.convert("2e9"));
        assertEquals(2000, c.convert("2.0e3"));
        assertEquals(2000, c.convert("+2000"));
        assertEquals(-5, c.convert("-5"));
        assertEquals(0, c.convert("0e-7"));
        assertEquals(Integer.MAX_VALUE, c.convert("2147483647"));
        assertEquals(1500, c.convert("1.5e3"));
    }

    @Test
    void fractionsAndOutOfRangeAreRefusedNeverRoundedOrWrapped() {
        expect("'2.5' is not a whole number", "2.5");
        expect("'1e-999999999' is not a whole number", "1e-999999999");
        expect("'3e9' is out of range", "3e9");
        expect("'2147483648' is out of range", "2147483648");
        expect("'1e999999999' is out of range", "1e999999999");
        expect("'abc' is not a whole number", "abc");
        expect("'0x10' is not a whole number", "0x10");
        expect("'' is not a whole number", "");
    }

    @Test
    void everyIntFlagUsesIt() {
        CliTestSupport.Run r = CliTestSupport.run("train", "--objective", "exact", "--toy", "ring8", "--epochs", "1.5", "--out", "x.safetensors");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--epochs': '1.5' is not a whole number"), r.err());
        r = CliTestSupport.run("train", "--objective", "exact", "--toy", "ring8", "--hidden", "64,1e10", "--out", "x.safetensors");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'1e10' is out of range"), r.err());
    }

    private void expect(String message, String value) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> c.convert(value));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
