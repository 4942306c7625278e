package io.score4j.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated tables through the whole library path (read, fit, encode, decode, write, schema JSON): only
 * {@link InputException}s, and when a table is accepted, its round trip gives back its cells, every decoded
 * value of random model outputs lies within its column's range, and the schema reads back from its JSON.
 */
class TablePipelineFuzzTest {
    private static final String[] BASES = {
        "a,b,c\n1,x,0.5\n2,y,NA\n3,x,2.25\n10,z,\n",
        "n,flag\n-1.5,yes\n2e3,no\n,yes\n0,no\n",
        "\"k,1\",v\n\"a b\",7\nc,8\n\"a b\",7\n",
        "h,w\n1e308,1\n-1.7e308,2\n0.5,3\n1e-300,4\n",
    };
    private static final String[] INSERTS = {",", "\"", "\n", ".", "e", "-", "NA", "", " ", "0", "9", "x", "1.50", "\0"};

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutatedTablesOnlyThrowInputExceptionAndRoundTripWhenAccepted(@ForAll("mutated") String text,
            @ForAll("types") String types) throws IOException {
        TextTable t;
        TableSchema s;
        try {
            t = TextCsv.read("f.csv", new StringReader(text));
            s = TableSchema.fit(t, TableSchema.parseTypes(types, t, "--types"), "--types");
        } catch (InputException e) {
            assertTrue(!e.getMessage().isEmpty() && e.getMessage().indexOf('\n') < 0, e.getMessage());
            return;
        }
        TextTable back = s.decode(s.encode(t, Key.of(1)).values(), t.n(), "out");
        TextTable reread = TextCsv.read("out", new StringReader(new String(TableCsv.toBytes(back),
                java.nio.charset.StandardCharsets.UTF_8)));
        TableSchema loaded = TableSchema.fromJson(s.toJson(), "m");
        double[] z = Tables.normals(Key.of(2), 50, s.width(), 1e3);
        TextTable random = loaded.decode(z, 50, "r");
        for (int j = 0; j < t.d(); j++) {
            ColumnCodec c = s.columns().get(j);
            if (c.kind() != ColumnKind.POSITIVE && c.kind() != ColumnKind.BOUNDED) {
                assertArrayEquals(canonical(s, j, t.columns()[j]), reread.columns()[j], c.name());
            }
            for (String cell : random.columns()[j]) {
                if (cell != null && c instanceof NumericColumn n) {
                    double v = Double.parseDouble(cell);
                    assertTrue(v >= n.min() && v <= n.max(), c.name() + ": " + cell);
                } else if (cell != null) {
                    assertTrue(Arrays.asList(((CategoryColumn) c).levels()).contains(cell), cell);
                }
            }
        }
    }

    /** The data's cells as the schema writes them: numbers at the column's precision, levels as themselves. */
    private static String[] canonical(TableSchema s, int j, String[] cells) {
        ColumnCodec c = s.columns().get(j);
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                continue;
            }
            if (c instanceof NumericColumn n) {
                out[i] = n.precision().format(Double.parseDouble(cells[i]));
            } else {
                CategoryColumn k = (CategoryColumn) c;
                out[i] = k.text() ? cells[i] : k.precision().format(Double.parseDouble(cells[i]));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("", "a=categorical", "c=positive", "n=bounded", "a=integer", "flag=binary", "h=bounded",
                "h=continuous", "w=positive",
                "b=continuous", "k,1=categorical", "v=positive,n=integer", "zz=integer", "a=float");
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Object[]> op = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 200), Arbitraries.of(INSERTS))
                .as((kind, pos, s) -> new Object[] {kind, pos, s});
        return Combinators.combine(Arbitraries.of(BASES), op.list().ofMaxSize(4)).as((base, ops) -> {
            StringBuilder b = new StringBuilder(base);
            for (Object[] o : ops) {
                int pos = (Integer) o[1] % (b.length() + 1);
                if ((Integer) o[0] == 0) {
                    b.insert(pos, (String) o[2]);
                } else if (pos < b.length()) {
                    b.deleteCharAt(pos);
                }
            }
            return b.toString();
        });
    }
}
