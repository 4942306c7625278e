package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DatasetTest {
    @Test
    void accessorsFollowRowMajorLayout() {
        Dataset ds = new Dataset(new String[] {"a", "b", "c"}, 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new double[] {2, 5}, ds.column(1));
        assertArrayEquals(new double[] {4, 5, 6}, ds.row(1));
        assertEquals(2, ds.columnIndex("c"));
        assertEquals(-1, ds.columnIndex("z"));
        Tensor t = ds.toTensor();
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(6.0, t.get(5));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, ds.toFloatArray());
        assertArrayEquals(new String[] {"x0", "x1"}, Dataset.of(2, new double[4]).columns());
        assertEquals(ds, new Dataset(new String[] {"a", "b", "c"}, 2, 3, new double[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void columnsAreCopied() {
        String[] cols = {"a"};
        Dataset ds = new Dataset(cols, 1, 1, new double[] {1});
        cols[0] = "z";
        ds.columns()[0] = "y";
        assertEquals("a", ds.columns()[0]);
    }

    @Test
    void validationNamesTheField() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new String[] {"a"}, 2, 1, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new String[] {"a"}, 1, 2, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new String[] {"a", "a"}, 1, 2, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new String[] {"a", " "}, 1, 2, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new String[0], 0, 0, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new String[] {"a"}, -1, 1, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(2, new double[3]));
    }
}
