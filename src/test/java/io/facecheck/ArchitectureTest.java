package io.facecheck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

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

    /**
     * What a front end may take from the store: values and errors, no repository, no {@code Database}. Everything
     * else goes through a service of {@code io.facecheck.app} (issue 20).
     */
    static final Set<String> STORE_VALUE_TYPES = Set.of(
            "io.facecheck.store.Employee",
            "io.facecheck.store.EmployeeOrder", // pure comparator and search over Employee values
            "io.facecheck.store.CheckInEvent",
            "io.facecheck.store.Direction",
            "io.facecheck.store.AuditEntry",
            "io.facecheck.store.StoreException",
            "io.facecheck.store.StoreException$Kind",
            "io.facecheck.store.KioskRegistry$Kiosk",
            "io.facecheck.store.Webhook",
            "io.facecheck.store.CheckInMethod",
            "io.facecheck.store.ApiToken");

    private static final DescribedPredicate<JavaClass> STORE_BEYOND_VALUES =
            new DescribedPredicate<>("store classes other than its value types " + STORE_VALUE_TYPES) {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().startsWith("io.facecheck.store")
                            && !STORE_VALUE_TYPES.contains(c.getName());
                }
            };

    private static void frontEndUsesOnlyStoreValues(String frontEnd) {
        noClasses().that().resideInAPackage(frontEnd)
                .should().dependOnClassesThat(STORE_BEYOND_VALUES)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theScreensUseServicesNotTheStore() {
        frontEndUsesOnlyStoreValues("io.facecheck.ui..");
    }

    @Test
    void theHttpApiUsesServicesNotTheStore() {
        frontEndUsesOnlyStoreValues("io.facecheck.api..");
    }

    @Test
    void theCommandsUseServicesNotTheStore() {
        frontEndUsesOnlyStoreValues("io.facecheck.cli..");
    }

    @Test
    void engineKnowsNoFrontEnd() {
        noClasses().that().resideInAnyPackage("io.facecheck.face..", "io.facecheck.match..")
                .should().dependOnClassesThat().resideInAnyPackage("io.facecheck.store..", "io.facecheck.ui..",
                        "io.facecheck.api..", "io.facecheck.cli..", "io.facecheck.app..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
