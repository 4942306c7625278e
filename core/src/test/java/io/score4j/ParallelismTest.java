package io.score4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelismTest {
    @Test
    void everyTaskRunsExactlyOnceWithWorkerIndicesBelowTheWorkerCount() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            Parallelism p = Parallelism.of(threads);
            int tasks = 1000;
            int workers = p.workers(tasks);
            assertEquals(threads, workers);
            AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
            AtomicIntegerArray badWorker = new AtomicIntegerArray(1);
            p.run(tasks, (i, w) -> {
                runs.incrementAndGet(i);
                if (w < 0 || w >= workers) {
                    badWorker.incrementAndGet(0);
                }
            });
            for (int i = 0; i < tasks; i++) {
                assertEquals(1, runs.get(i), "task " + i + " at " + threads + " threads");
            }
            assertEquals(0, badWorker.get(0));
        }
    }

    @Test
    void workersNeverExceedTasks() {
        assertEquals(3, Parallelism.of(8).workers(3));
        assertEquals(1, Parallelism.of(8).workers(0));
        assertEquals(1, Parallelism.single().workers(100));
    }

    @Test
    void nestedCallsFromPoolThreadsRunInlineAndFinish() {
        Parallelism p = Parallelism.of(4);
        AtomicIntegerArray inner = new AtomicIntegerArray(16 * 16);
        p.forEach(16, outer -> p.forEach(16, i -> inner.incrementAndGet(outer * 16 + i)));
        for (int k = 0; k < inner.length(); k++) {
            assertEquals(1, inner.get(k));
        }
    }

    @Test
    void firstFailureIsRethrownToTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Parallelism.of(4).forEach(64, i -> {
                    if (i == 17) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
    }

    @Test
    void rejectsNonPositiveThreads() {
        assertThrows(IllegalArgumentException.class, () -> Parallelism.of(0));
        assertTrue(Parallelism.available().threads() >= 1);
    }
}
