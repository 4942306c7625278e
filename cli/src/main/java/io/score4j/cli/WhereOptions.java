package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.sampling.SamplerKind;
import io.score4j.table.TableSchema;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import io.score4j.train.ScoreModel;
import io.score4j.train.Where;
import io.score4j.train.WhereSampling;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code sample --where}: rows drawn by rejection until n satisfy every clause ({@link WhereSampling}). */
final class WhereOptions {
    @Option(names = "--where", split = ",", paramLabel = "COL<OP>VALUE",
            description = "keep only rows whose written values satisfy every clause: OP is >=, >, <=, <, = or != "
                    + "(categories: = and != with a level's text); clauses on one column make a range "
                    + "(\"age>=30,age<40\"). Rejection sampling in rounds (README); below 1 accepted row in 100, "
                    + "single-valued clauses (col=value) are conditioned on as --given does, else it is refused; "
                    + "not with ode or --spark")
    List<String> clauses;

    private Where where;
    private WhereSampling.Kept kept;

    /** Whether --where was given. */
    boolean on() {
        return clauses != null;
    }

    /** Refuses the samplers and runners --where does not drive: ode and --spark (whose flags it checks first). */
    void validate(SamplerKind kind, SparkOptions sparkOptions) {
        boolean spark = sparkOptions.on();
        if (on()) {
            sparkOptions.validate();
        }
        InputException.require(!on() || kind != SamplerKind.ODE, "--where", String.join(",", clauses == null
                ? List.of() : clauses), "is not supported with --sampler ode; use --sampler pc or em");
        InputException.require(!on() || !spark, "--where", String.join(",", clauses == null ? List.of() : clauses),
                "is not supported with --spark yet; sample without --spark");
    }

    /** n rows of the model that satisfy the clauses (a table model's when {@code schema} is not null). */
    ModelSampling.Drawn fromModel(ScoreModel m, TableSchema schema, int n, SamplingPlan plan, Key key,
                                  ModelSampling.Progress bar, Given given) {
        where = schema != null ? Where.parse(clauses, schema, "--where") : Where.parse(clauses, m.columns(), "--where");
        kept = WhereSampling.fromModel(m, schema, where, n, plan, key, bar, given);
        return kept.drawn();
    }

    /** n rows of the mixture that satisfy the clauses (columns {@code columns}). */
    ModelSampling.Drawn fromMixture(GaussianMixture mix, String[] columns, int n, SamplingPlan plan, Key key,
                                    ModelSampling.Progress bar, Given given) {
        where = Where.parse(clauses, columns, "--where");
        kept = WhereSampling.fromMixture(mix, where, n, plan, key, bar, given);
        return kept.drawn();
    }

    /** The summary line after a run with --where (rows kept of drawn, acceptance), or null without. */
    String summary(int n) {
        return kept == null ? null : kept.summary(where, n);
    }
}
