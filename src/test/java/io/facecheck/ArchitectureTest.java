package io.facecheck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: ui/cli → attendance → face, match, store → models (DESIGN.md). */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.facecheck");
    }

    @Test
    void engineKnowsNothingOfUiStoreOrCameras() {
        noClasses().that().resideInAnyPackage("io.facecheck.face..", "io.facecheck.match..", "io.facecheck.eval..",
                        "io.facecheck.models..")
                .should().dependOnClassesThat().resideInAnyPackage("io.facecheck.ui..", "io.facecheck.cli..",
                        "io.facecheck.store..", "io.facecheck.attendance..", "io.facecheck.camera..", "javafx..",
                        "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void storeKnowsNothingOfTensorFlowOrUi() {
        noClasses().that().resideInAPackage("io.facecheck.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "io.facecheck.ui..",
                        "io.facecheck.cli..", "javafx..", "io.facecheck.attendance..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheFrontEndsKnowTheFrontEnds() {
        noClasses().that().resideOutsideOfPackages("io.facecheck.ui..", "io.facecheck.cli..", "io.facecheck")
                .should().dependOnClassesThat().resideInAnyPackage("io.facecheck.ui..", "io.facecheck.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void timesheetRulesArePureJavaTime() {
        noClasses().that().resideInAPackage("io.facecheck.timesheet..")
                .should().dependOnClassesThat().resideInAnyPackage("io.facecheck.store..", "io.facecheck.attendance..",
                        "io.facecheck.ui..", "io.facecheck.cli..", "javafx..", "java.sql..", "org.tensorflow..",
                        "org.bytedeco..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void matchingIsPlainJava() {
        noClasses().that().resideInAnyPackage("io.facecheck.match..", "io.facecheck.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "org.bytedeco..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
