package dev.plate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.Repository;

/** The module layout of STYLE.md, enforced: views → services → adapters, never backwards, no cycles. */
@AnalyzeClasses(packages = "dev.plate", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NotGenerated.class})
class ArchitectureTest {

    /**
     * Leaves out what Spring's ahead-of-time step writes beside Plate's classes at {@code package} (ADR 0015): its
     * bean definitions register every module's internals by design, and they are no code anyone writes.
     */
    static final class NotGenerated implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
        }
    }

    @ArchTest
    static final ArchRule feature_modules_are_free_of_cycles =
            slices().matching("dev.plate.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule views_never_reach_repositories_entities_or_adapters = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("..internal..")
            .orShould().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("javax.sql..", "org.springframework.jdbc..",
                    "jakarta.persistence..");

    /** Configuration is where the application is wired together; it alone may name a view (the login page). */
    @ArchTest
    static final ArchRule services_and_adapters_never_depend_on_views = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .and().areNotAnnotatedWith(Configuration.class)
            .should().dependOnClassesThat().resideInAPackage("dev.plate..ui..");

    /**
     * A page, dialog or form lives in a module's {@code ui} package: "where is the Projects page?" has one answer, and
     * it is where Vaadin looks for pages at start.
     */
    @ArchTest
    static final ArchRule views_live_only_in_ui_packages = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .classes().that().areAssignableTo(com.vaadin.flow.component.Component.class)
            .and().resideInAPackage("dev.plate..")
            .should().resideInAPackage("dev.plate.*.ui.."); // where Vaadin looks for them: PlateApplication.VIEWS

    @ArchTest
    static final ArchRule a_module_never_uses_another_modules_internals = noClasses()
            .that().resideInAPackage("dev.plate..")
            .should(useAnotherModulesInternals());

    private static ArchCondition<JavaClass> useAnotherModulesInternals() {
        return new ArchCondition<>("use another module's internal package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String module = moduleOf(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith("dev.plate.") && target.contains(".internal")
                            && !moduleOf(target).equals(module)) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    /** {@code dev.plate.security.internal} → {@code security}. */
    private static String moduleOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
