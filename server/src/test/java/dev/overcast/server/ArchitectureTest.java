package dev.overcast.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** DESIGN.md's rules, checked on the compiled code: core imports no service; services never import each other. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.overcast");
    private static final String[] SERVICES = {"identity", "image", "placement", "compute", "network", "volume",
            "orchestration", "clustering", "database"};

    @Test
    void coreImportsNoService() {
        noClasses().that().resideInAPackage("dev.overcast.core..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackages(null))
                .check(CLASSES);
    }

    @Test
    void servicesNeverImportEachOther() {
        for (String service : SERVICES) {
            noClasses().that().resideInAPackage("dev.overcast." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(servicePackages(service))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    private static String[] servicePackages(String except) {
        return Arrays.stream(SERVICES).filter(s -> !s.equals(except))
                .map(s -> "dev.overcast." + s + "..").toArray(String[]::new);
    }
}
