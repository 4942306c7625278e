package io.score4j.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ChainPropertyTest {

    static Optimizer<?> part(int which) {
        return switch (which) {
            case 0 -> Optimizers.clipByGlobalNorm(0.7);
            case 1 -> Optimizers.scale(-0.3);
            case 2 -> Optimizers.sgd(0.2, 0.5);
            case 3 -> Optimizers.scaleByAdam(0.8, 0.9, 1e-6);
            default -> Optimizers.adam(0.05);
        };
    }

    /** chain(a, chain(b, c)), chain(chain(a, b), c) and chain(a, b, c) give bit-identical updates for 3 steps. */
    @Property(tries = 60)
    void chainIsAssociative(@ForAll @IntRange(min = 0, max = 4) int a, @ForAll @IntRange(min = 0, max = 4) int b,
                            @ForAll @IntRange(min = 0, max = 4) int c, @ForAll long seed, @ForAll boolean f64) {
        Params p = OptimizerTest.params(f64 ? DType.F64 : DType.F32, Key.of(seed));
        Optimizer<ChainState> right = Optimizers.chain(part(a), Optimizers.chain(part(b), part(c)));
        Optimizer<ChainState> left = Optimizers.chain(Optimizers.chain(part(a), part(b)), part(c));
        Optimizer<ChainState> flat = Optimizers.chain(part(a), part(b), part(c));
        Params pr = p, pl = p, pf = p;
        ChainState sr = right.init(p), sl = left.init(p), sf = flat.init(p);
        for (int t = 0; t < 3; t++) {
            Update<ChainState> ur = right.update(OptimizerTest.parabolaGrad(pr), sr, pr);
            Update<ChainState> ul = left.update(OptimizerTest.parabolaGrad(pl), sl, pl);
            Update<ChainState> uf = flat.update(OptimizerTest.parabolaGrad(pf), sf, pf);
            assertTrue(ur.updates().bitEquals(ul.updates()), "left vs right at step " + t);
            assertTrue(ur.updates().bitEquals(uf.updates()), "nested vs flat at step " + t);
            pr = Optimizers.applyUpdates(pr, ur.updates());
            pl = Optimizers.applyUpdates(pl, ul.updates());
            pf = Optimizers.applyUpdates(pf, uf.updates());
            sr = ur.state();
            sl = ul.state();
            sf = uf.state();
        }
    }
}
