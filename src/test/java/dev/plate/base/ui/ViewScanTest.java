package dev.plate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.AppShellRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.plate.support.PlateTest;
import jakarta.servlet.ServletContext;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Vaadin looks for views only in the modules' {@code ui} packages ({@code PlateApplication.VIEWS}): in the running
 * application, every page of Plate is still a route in its layout, the shell is Plate's and the error pages are
 * Plate's.
 */
@PlateTest
class ViewScanTest {

    @Autowired
    ServletContext servletContext;

    @Test
    void every_page_in_plate_is_registered_and_the_shell_and_error_pages_are_found() {
        var vaadin = new VaadinServletContext(servletContext);
        var registry = ApplicationRouteRegistry.getInstance(vaadin);

        Set<String> registered = registry.getRegisteredRoutes().stream().map(RouteData::getNavigationTarget)
                .map(Class::getName).collect(Collectors.toSet());
        assertThat(registered).as("the routes Vaadin registered at start").containsAll(everyRouteIn("dev.plate"))
                .contains("dev.plate.projects.ui.ProjectsView");

        assertThat(registry.getLayout("projects")).as("the layout around every page").isEqualTo(MainLayout.class);
        assertThat(AppShellRegistry.getInstance(vaadin).getShell()).isEqualTo(PlateShell.class);
        assertThat(registry.getErrorNavigationTarget(new NotFoundException()).orElseThrow().getNavigationTarget())
                .isEqualTo(NotFoundView.class);
        assertThat(registry.getErrorNavigationTarget(new AccessDeniedException()).orElseThrow()
                .getNavigationTarget()).isEqualTo(AccessDeniedView.class);
    }

    /** Every class with {@code @Route} under the package, found the slow way: by reading every class. */
    private static Set<String> everyRouteIn(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = scanner.findCandidateComponents(basePackage).stream().map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toSet());
        assertThat(routes).as("pages found by reading every class of " + basePackage).hasSizeGreaterThan(12);
        return routes;
    }
}
