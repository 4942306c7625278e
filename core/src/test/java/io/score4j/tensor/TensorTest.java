package io.score4j.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void factoriesShapesAndConversion() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(DType.F32, t.dtype());
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(3, t.dim(-1));
        assertEquals(6.0, t.get(5));
        Tensor d = t.astype(DType.F64);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.data64());
        assertEquals(1, Tensor.scalar(DType.F64, 2.5).size());
        assertEquals(2.5, Tensor.scalar(DType.F64, 2.5).item());
        assertTrue(t.reshape(3, 2).astype(DType.F32).bitEquals(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2)));
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(DType.F32, -1));
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(DType.F32, 2).data64());
    }
}
