package io.score4j.autodiff;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** F64 helpers for derivative checks: seeded tensors, inner products, central differences. */
final class GradCheck {
    private GradCheck() {}

    /** Standard normal F64 tensor of {@code shape} from {@code key}. */
    static Tensor normal(Key key, int... shape) {
        return Tensor.wrap(Draw.normalDouble(key, Tensor.sizeOf(shape)), shape);
    }

    /** Like {@link #normal} but every element at least {@code gap} away from 0 (sign kept). */
    static Tensor awayFromZero(Key key, double gap, int... shape) {
        double[] v = Draw.normalDouble(key, Tensor.sizeOf(shape));
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.copySign(gap + Math.abs(v[i]), v[i]);
        }
        return Tensor.wrap(v, shape);
    }

    /** Elements in [lo, lo + |N(0,1)|): positive inputs for LOG and denominators for DIV. */
    static Tensor positive(Key key, double lo, int... shape) {
        double[] v = Draw.normalDouble(key, Tensor.sizeOf(shape));
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + Math.abs(v[i]);
        }
        return Tensor.wrap(v, shape);
    }

    /** Random directions shaped like {@code like}, from child keys of {@code key}. */
    static List<Tensor> directions(Key key, List<Tensor> like) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < like.size(); i++) {
            out.add(normal(key.child(i), like.get(i).shape()));
        }
        return out;
    }

    static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.get(i) * b.get(i);
        }
        return s;
    }

    static double dot(List<Tensor> a, List<Tensor> b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += dot(a.get(i), b.get(i));
        }
        return s;
    }

    /** x + c·v, elementwise, for each pair. */
    static List<Tensor> axpy(List<Tensor> x, double c, List<Tensor> v) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            double[] r = x.get(i).toDoubleArray();
            for (int j = 0; j < r.length; j++) {
                r[j] += c * v.get(i).get(j);
            }
            out.add(Tensor.wrap(r, x.get(i).shape()));
        }
        return out;
    }

    /** α·x + β·y elementwise, for each pair. */
    static List<Tensor> combine(double alpha, List<Tensor> x, double beta, List<Tensor> y) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            double[] r = new double[x.get(i).size()];
            for (int j = 0; j < r.length; j++) {
                r[j] = alpha * x.get(i).get(j) + beta * y.get(i).get(j);
            }
            out.add(Tensor.wrap(r, x.get(i).shape()));
        }
        return out;
    }

    /** (a − b)/(2h) elementwise. */
    static Tensor centralDiff(Tensor plus, Tensor minus, double h) {
        double[] r = new double[plus.size()];
        for (int j = 0; j < r.length; j++) {
            r[j] = (plus.get(j) - minus.get(j)) / (2 * h);
        }
        return Tensor.wrap(r, plus.shape());
    }

    /** Central difference of the tensor-valued {@code f} at {@code x} along {@code v}. */
    static Tensor directional(Function<List<Tensor>, Tensor> f, List<Tensor> x, List<Tensor> v, double h) {
        return centralDiff(f.apply(axpy(x, h, v)), f.apply(axpy(x, -h, v)), h);
    }

    static List<Var> leaves(List<Tensor> ts) {
        List<Var> out = new ArrayList<>();
        for (Tensor t : ts) {
            out.add(Var.leaf(t));
        }
        return out;
    }

    static List<Tensor> values(List<Var> vs) {
        List<Tensor> out = new ArrayList<>();
        for (Var v : vs) {
            out.add(v.value());
        }
        return out;
    }

    /** max_j |a_j − b_j| / max(1, max_j |b_j|): the error measure all the checks use. */
    static double relErr(Tensor a, Tensor b) {
        double err = 0;
        double scale = 1;
        for (int j = 0; j < a.size(); j++) {
            err = Math.max(err, Math.abs(a.get(j) - b.get(j)));
            scale = Math.max(scale, Math.abs(b.get(j)));
        }
        return err / scale;
    }

    static double relErr(List<Tensor> a, List<Tensor> b) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, relErr(a.get(i), b.get(i)));
        }
        return m;
    }

    static double relErr(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.abs(b));
    }
}
