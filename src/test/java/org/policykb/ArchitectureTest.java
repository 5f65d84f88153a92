package org.policykb;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Stages meet through the model: no stage imports another; only build (and the cli above it) know them all. */
class ArchitectureTest {
    private static final List<String> STAGES = List.of("text", "source", "parse", "extract", "link", "index", "render", "publish", "serve");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.policykb");

    @Test
    void modelDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("org.policykb.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.policykb.text..", "org.policykb.source..", "org.policykb.parse..", "org.policykb.extract..", "org.policykb.link..", "org.policykb.index..", "org.policykb.render..", "org.policykb.publish..", "org.policykb.build..", "org.policykb.serve..", "org.policykb.cli..")
                .check(CLASSES);
    }

    @Test
    void noStageImportsAnother() {
        for (String stage : STAGES) {
            for (String other : STAGES) {
                if (stage.equals(other) || other.equals("text") && (stage.equals("parse") || stage.equals("extract") || stage.equals("index")
                        || stage.equals("render"))) {
                    continue; // text primitives serve the stages that read Chinese text
                }
                noClasses().that().resideInAPackage("org.policykb." + stage + "..")
                        .should().dependOnClassesThat().resideInAPackage("org.policykb." + other + "..")
                        .allowEmptyShould(true)
                        .check(CLASSES);
            }
            noClasses().that().resideInAPackage("org.policykb." + stage + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.policykb.build..", "org.policykb.cli..")
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }
}
