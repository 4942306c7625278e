package io.score4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.train.ModelScores;
import io.score4j.train.ScoreModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The score of a DataFrame's rows, columns found by name, equals the local score of the same points. */
final class SparkRowsTest {
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("b", DataTypes.DoubleType, true),
            DataTypes.createStructField("extra", DataTypes.StringType, true),
            DataTypes.createStructField("a", DataTypes.DoubleType, true)));

    @Test
    void scoresOfATablesRowsByNameEqualTheLocalScores() {
        SparkSession spark = TestModels.spark();
        ScoreModel m = TestModels.model(null, 8, 8);
        int n = 9000;
        double[] z = Draw.normalDouble(Key.of(13), 2 * n);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create(z[2 * i + 1], "row" + i, z[2 * i]));
        }
        // A local list's DataFrame keeps its order in every action (a repartition would shuffle it anew each time).
        Dataset<Row> table = spark.createDataFrame(rows, SCHEMA);
        assertTrue(table.javaRDD().getNumPartitions() >= 2, "several partitions");
        List<Row> in = table.collectAsList();
        double[] points = new double[2 * n];
        for (int i = 0; i < n; i++) {
            points[2 * i] = in.get(i).getDouble(2);
            points[2 * i + 1] = in.get(i).getDouble(0);
        }
        Dataset<Row> scored = SparkRows.apply(spark, ModelBytes.of(m, "m"), table, RowFunction.score(null));
        assertArrayEquals(new String[] {"score_a", "score_b"}, scored.columns());
        List<Row> out = TaskErrors.unwrap(scored::collectAsList);
        double[] got = new double[2 * n];
        for (int i = 0; i < n; i++) {
            got[2 * i] = out.get(i).getDouble(0);
            got[2 * i + 1] = out.get(i).getDouble(1);
        }
        assertArrayEquals(ModelScores.inOriginalUnits(m, points, null), got);
    }

    @Test
    void aNullCellFailsItsTaskWithOneUserError() {
        SparkSession spark = TestModels.spark();
        List<Row> rows = List.of(RowFactory.create(1.0, "x", 2.0), RowFactory.create(null, "y", 3.0));
        Dataset<Row> table = spark.createDataFrame(rows, SCHEMA).coalesce(1);
        Dataset<Row> scored = SparkRows.apply(spark, ModelBytes.of(TestModels.model(null, 8), "m"), table,
                RowFunction.score(null));
        InputException e = assertThrows(InputException.class, () -> TaskErrors.unwrap(scored::collectAsList));
        assertEquals("partition 0, row 2: column 'b' is null; nothing was written", e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> SparkRows.apply(spark,
                ModelBytes.of(TestModels.model(null, 8), "m"), table.drop("a"), RowFunction.score(null)));
        assertTrue(missing.getMessage().startsWith("the table has no column 'a'"), missing.getMessage());
    }
}
