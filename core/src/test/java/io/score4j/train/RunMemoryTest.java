package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.MemoryEstimate;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import org.junit.jupiter.api.Test;

class RunMemoryTest {
    @Test
    void parameterCountIsWhatInitAllocates() {
        for (int[] sizes : new int[][] {{1, 1024, 1}, {3, 64, 32, 3}, {5, 7, 5}}) {
            MlpSpec spec = new MlpSpec(sizes, Activation.SOFTPLUS);
            long allocated = MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F32).count();
            assertEquals(allocated, RunMemory.parameterCount(spec));
        }
    }

    @Test
    void parameterCountOfAHugeNetworkDoesNotWrap() {
        MlpSpec spec = new MlpSpec(new int[] {1, 100_000, 100_000, 1}, Activation.SOFTPLUS);
        // [1 → 1e5]: 2e5, [1e5 → 1e5]: 1e10 + 1e5, [1e5 → 1]: 1e5 + 1; more than 2^31 − 1
        assertEquals(2L * 100_000 + 100_000L * 100_000 + 100_000 + 100_001, RunMemory.parameterCount(spec));
    }

    @Test
    void theDefaultRunIsFarBelowASmallHeap() {
        // train's defaults: --n 20000 rows of a 2-D mixture, --hidden 1024, --batch 2048, --epochs 500, exact
        MlpSpec spec = ObjectiveKind.EXACT.spec(2, Activation.SOFTPLUS, 1024);
        long steps = 500L * (20000 / 2048);
        MemoryEstimate m = RunMemory.data(20000, 2).plus(RunMemory.training(spec, ObjectiveKind.EXACT, 1, 10, 2048, steps));
        assertTrue(m.total() < 64L << 20, () -> MemoryEstimate.size(m.total()));
        MemoryEstimate sample = RunMemory.sampling(20000, 2, spec, 0);
        assertTrue(sample.total() < 16L << 20, () -> MemoryEstimate.size(sample.total()));
    }

    @Test
    void partsScaleWithTheFlagsThatSizeThem() {
        MlpSpec spec = ObjectiveKind.SLICED.spec(2, Activation.SOFTPLUS, 64);
        long one = RunMemory.training(spec, ObjectiveKind.SLICED, 1, 10, 256, 100).total();
        long nine = RunMemory.training(spec, ObjectiveKind.SLICED, 9, 10, 256, 100).total();
        long activationsPerPass = 256L * (2 + 64 + 2) * RunMemory.ACTIVATION_COPIES * Float.BYTES;
        assertEquals(8 * activationsPerPass, nine - one);
        long longer = RunMemory.training(spec, ObjectiveKind.SLICED, 1, 10, 256, 1100).total();
        assertEquals(1000L * RunMemory.LOSS_COPIES * Double.BYTES, longer - one);
        assertEquals(2_000_000_000L * 3 * RunMemory.SAMPLE_BYTES_PER_VALUE,
                RunMemory.sampling(2_000_000_000L, 3, null, 0).total());
    }
}
