package io.score4j.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Spark stays in its module: no score4j class outside {@code io.score4j.spark} refers to Spark or Scala (the core,
 * the report and the CLI's jar never load them), and the spark library does not import the CLI (only its
 * {@code spark.cli} plug-in implements the CLI's {@code SparkRunner}).
 */
final class SparkArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.score4j");

    @Test
    void onlyTheSparkModuleTouchesSparkOrScala() {
        noClasses().that().resideOutsideOfPackage("io.score4j.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(CLASSES);
    }

    @Test
    void theSparkLibraryDoesNotImportTheCli() {
        noClasses().that().resideInAPackage("io.score4j.spark..").and().resideOutsideOfPackage("io.score4j.spark.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.score4j.cli..")
                .check(CLASSES);
    }

    @Test
    void theImportSeesTheCoreTheCliAndTheSparkModule() {
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain("io.score4j.train.ModelSampling"));
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain("io.score4j.cli.SampleCommand"));
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain("io.score4j.spark.SparkSampling"));
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain("io.score4j.report.Report")
                || CLASSES.stream().anyMatch(c -> c.getPackageName().startsWith("io.score4j.report")));
    }
}
