package io.score4j.table;

import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Hand-made mixed tables for the table tests, drawn from fixed keys. */
final class Tables {
    private Tables() {}

    /**
     * A table shaped like the 404 × 14 public table: a rare binary code (chas, 7 % ones), small
     * integers with a far value (rad: 1–8 and 24), a wide integer (tax, 187–711), a zero-inflated decimal (zn:
     * 73 % zeros, else 12.5–100 in steps of 0.5), a skewed decimal (crim: log-normal, 5 decimals), a bell-shaped
     * one (rm, 3 decimals), a text category (town, 3 levels), a text binary (river, yes/no) and a decimal with
     * gaps written NA (age, 1 decimal, 5 % gaps). zn is written as R writes it ({@code 0}, {@code 12.5},
     * {@code 25}), the others with fixed decimals. The table is read from its CSV text by {@link TextCsv}.
     */
    static TextTable boston(int n, long seed) {
        Key key = Key.of(seed);
        String[] names = {"chas", "rad", "tax", "zn", "crim", "rm", "town", "river", "age"};
        String[][] c = new String[names.length][n];
        String[] towns = {"Cambridge", "Lynn", "Salem, MA"};
        for (int i = 0; i < n; i++) {
            Key k = key.child(i);
            double u0 = k.uniform(0);
            c[0][i] = u0 < 0.07 ? "1" : "0";
            double u1 = k.uniform(1);
            c[1][i] = u1 < 0.25 ? "24" : Integer.toString(1 + (int) (8 * k.uniform(2)));
            c[2][i] = Integer.toString(187 + (int) (525 * k.uniform(3) * k.uniform(4)));
            c[3][i] = k.uniform(5) < 0.73 ? "0" : fmt(12.5 + 0.5 * Math.floor(176 * k.uniform(6)), 1).replace(".0", "");
            c[4][i] = fmt(0.2 * Math.exp(2.0 * Draw.normalAt(k, 8)), 5);
            c[5][i] = fmt(6.3 + 0.7 * Draw.normalAt(k, 10), 3);
            c[6][i] = towns[(int) (3 * k.uniform(12))].replace("Salem, MA", "\"Salem, MA\"");
            c[7][i] = k.uniform(13) < 0.4 ? "yes" : "no";
            c[8][i] = k.uniform(14) < 0.05 ? "NA" : fmt(2.9 + 97.1 * k.uniform(15), 1);
        }
        StringBuilder csv = new StringBuilder(String.join(",", names)).append('\n');
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < names.length; j++) {
                csv.append(j == 0 ? "" : ",").append(c[j][i]);
            }
            csv.append('\n');
        }
        try {
            return TextCsv.read("boston.csv", new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** n standard normal coordinates per row of width w from {@code key} (row-major [n, w]), scaled by {@code scale}. */
    static double[] normals(Key key, int n, int w, double scale) {
        double[] z = Draw.normalDouble(key, n * w);
        for (int i = 0; i < z.length; i++) {
            z[i] *= scale;
        }
        return z;
    }
}
