package io.score4j.autodiff;

import io.score4j.autodiff.executor.Fusion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link PrimitiveRulesContract} with every fusible node deferred and computed through plans. */
final class PrimitiveRulesDeferredTest extends PrimitiveRulesContract {
    private int saved;

    @BeforeEach
    void deferEverything() {
        saved = Fusion.setDeferMin(1);
    }

    @AfterEach
    void restore() {
        Fusion.setDeferMin(saved);
    }
}
