package io.keepersync.launcher;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the modules' dependencies pointing one way: schemas at the bottom, the launcher at the top. */
class ModuleDependenciesTest {

    private static final JavaClasses PROJECT = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.keepersync");

    @Test
    void shouldOnlyDependDownwardsBetweenPipelineStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("launcher").definedBy("io.keepersync.launcher..")
            .layer("gateway").definedBy("io.keepersync.gateway..")
            .layer("enrich").definedBy("io.keepersync.enrich..")
            .layer("sink").definedBy("io.keepersync.sink..")
            .layer("backfill").definedBy("io.keepersync.backfill..")
            .layer("simulator").definedBy("io.keepersync.simulator..")
            .layer("ghl-client").definedBy("io.keepersync.ghl..")
            .layer("embedded-kafka").definedBy("io.keepersync.kafka..")
            .layer("schemas").definedBy("io.keepersync.schemas..")

            .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("gateway").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("enrich").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("sink").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("backfill").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("simulator").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("ghl-client").mayOnlyBeAccessedByLayers("enrich", "backfill", "launcher")
            .whereLayer("embedded-kafka").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("schemas").mayOnlyBeAccessedByLayers(
                "embedded-kafka", "gateway", "enrich", "sink", "backfill", "launcher")
            .check(PROJECT);
    }
}
