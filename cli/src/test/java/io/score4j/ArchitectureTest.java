package io.score4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the package layering of docs/DESIGN.md: dependencies point one way. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.score4j");

    private static void forbid(String pkg, String... forbidden) {
        String[] full = new String[forbidden.length];
        for (int i = 0; i < forbidden.length; i++) {
            full[i] = "io.score4j." + forbidden[i] + "..";
        }
        noClasses().that().resideInAPackage("io.score4j." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(full)
                .allowEmptyShould(true)
                .check(MAIN);
    }

    /**
     * The three top layers (future modules): the core imports none of them; {@code report} (charts,
     * HTML, the report API) imports only the core; {@code demo} imports the core and {@code report};
     * {@code bench} (timing the phases) imports those; {@code cli} sits on top and nothing imports it.
     */
    @Test
    void nothingImportsCliOrReport() {
        noClasses().that().resideOutsideOfPackages("io.score4j.cli..", "io.score4j.report..", "io.score4j.demo..",
                        "io.score4j.bench..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.score4j.cli..", "io.score4j.report..", "io.score4j.demo..", "io.score4j.bench..")
                .allowEmptyShould(true)
                .check(MAIN);
        forbid("report", "cli", "demo", "bench");
        forbid("demo", "cli", "bench");
        forbid("bench", "cli");
    }

    @Test
    void lowerLayersStayLow() {
        String[] upper = {"nn", "fused", "optim", "density", "objective", "data", "sampling", "metrics", "io", "model",
            "train"};
        forbid("random", concat(new String[] {"tensor", "autodiff"}, upper));
        forbid("tensor", concat(new String[] {"autodiff"}, upper));
        forbid("autodiff", upper);
        forbid("nn", "fused", "optim", "density", "objective", "data", "sampling", "metrics", "io", "model", "train");
        forbid("fused", "optim", "density", "objective", "data", "sampling", "metrics", "io", "model", "train");
        forbid("optim", "fused", "density", "objective", "data", "sampling", "metrics", "io", "model", "train");
        forbid("density", "nn", "fused", "optim", "objective", "data", "sampling", "metrics", "io", "model", "train");
        forbid("objective", "data", "sampling", "metrics", "io", "model", "train");
        forbid("data", "nn", "fused", "optim", "objective", "sampling", "metrics", "io", "model", "train");
        forbid("sampling", "optim", "objective", "data", "metrics", "io", "model", "train");
        forbid("metrics", "nn", "fused", "optim", "objective", "data", "sampling", "io", "model", "train");
        forbid("io", "fused", "objective", "data", "sampling", "metrics", "model", "train");
        forbid("model", "optim", "objective", "data", "metrics", "io", "train");
    }

    @Test
    void noiseStandsAloneForItsThreeUsers() {
        forbid("noise", "random", "tensor", "autodiff", "nn", "fused", "optim", "density", "objective", "data",
                "sampling", "metrics", "io", "train", "comparison");
        for (String low : new String[] {"random", "tensor", "autodiff", "nn", "fused", "optim", "density", "data",
            "metrics", "io"}) {
            forbid(low, "noise");
        }
    }

    @Test
    void comparisonSitsAboveMetricsAndData() {
        for (String low : new String[] {"random", "tensor", "autodiff", "nn", "fused", "optim", "density", "objective",
            "data", "sampling", "metrics", "io", "model", "train"}) {
            forbid(low, "comparison");
        }
        forbid("comparison", "autodiff", "nn", "fused", "optim", "objective", "sampling", "io", "model", "train");
    }

    /**
     * {@code baseline} (the Gaussian copula) is a model of its own beside the score networks: it uses
     * data, density (Φ, Φ⁻¹), random and io (its file), and nothing below or beside it imports it.
     */
    @Test
    void baselineStandsBesideTheScoreModels() {
        for (String low : new String[] {"random", "tensor", "autodiff", "nn", "fused", "optim", "density", "objective",
            "data", "sampling", "metrics", "io", "model", "train", "noise", "comparison"}) {
            forbid(low, "baseline");
        }
        forbid("baseline", "autodiff", "nn", "fused", "optim", "objective", "sampling", "model", "train", "noise",
                "comparison");
    }

    /**
     * {@code table} (typed columns of a CSV and their codec to the model's matrix) sits on {@code data},
     * {@code density} (Φ), {@code random} and {@code io} (atomic writes); {@code train}, {@code comparison} and the
     * top layers may use it, nothing below them.
     */
    @Test
    void tableSitsOnDataAndBelowTrain() {
        forbid("table", "tensor", "autodiff", "nn", "fused", "optim", "objective", "noise", "sampling", "metrics",
                "model", "train", "comparison");
        for (String low : new String[] {"random", "tensor", "autodiff", "nn", "fused", "optim", "density", "objective",
            "noise", "data", "sampling", "metrics", "io", "model"}) {
            forbid(low, "table");
        }
    }

    /**
     * The ODE solvers know nothing of score4j but its {@code Parallelism}; the likelihood sits above sampling
     * and the model, below train and the tools.
     */
    @Test
    void odeSolversStandAloneAndLikelihoodSitsAboveTheModel() {
        forbid("ode", "random", "tensor", "autodiff", "nn", "fused", "optim", "density", "objective", "data",
                "sampling", "metrics", "io", "model", "train", "noise", "comparison", "likelihood");
        for (String low : new String[] {"random", "tensor", "autodiff", "nn", "fused", "optim", "density", "objective",
            "data", "metrics", "io", "model", "noise", "ode", "sampling", "comparison"}) {
            forbid(low, "likelihood");
        }
        forbid("likelihood", "optim", "objective", "metrics", "io", "train", "comparison");
    }

    @Test
    void autodiffExecutorIsFenced() {
        noClasses().that().resideInAPackage("io.score4j.autodiff.executor..")
                .should().dependOnClassesThat().resideInAPackage("io.score4j.autodiff")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("io.score4j.autodiff..")
                .should().dependOnClassesThat().resideInAPackage("io.score4j.autodiff.executor..")
                .check(MAIN);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
