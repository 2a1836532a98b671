package dev.plate.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import dev.plate.security.Role;
import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;

/**
 * Views tested in a mocked Vaadin session inside a real Spring context: the same services, database and
 * security checks as in production. {@link #login} signs a user in the way Spring Security would. Subclasses
 * choose the context: {@link KaribuTestBase} (no cluster) or {@link ArgoCdKaribuTestBase}.
 */
public abstract class KaribuSupport {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext context;

    /** The application's own holder: with several contexts in one JVM, the static one may belong to another. */
    @Autowired
    protected SecurityContextHolderStrategy securityContext;

    /**
     * Vaadin installs its holder strategy into the static SecurityContextHolder when a context starts; with
     * several test contexts in one JVM the last one started wins. Views (through AuthenticationContext) read
     * the static holder, so point it back at this context's strategy.
     */
    @BeforeEach
    void useThisContextsSecurityHolder() {
        SecurityContextHolder.setContextHolderStrategy(securityContext);
    }

    @BeforeEach
    protected void setUpVaadin() {
        MockVaadin.setMockRequestFactory(session -> {
            var request = new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    Authentication auth = securityContext.getContext().getAuthentication();
                    return auth == null || !auth.isAuthenticated() ? null : auth;
                }
            };
            request.setUserInRole((principal, role) -> principal instanceof Authentication auth
                    && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    /**
     * Opens the page by its address and asserts it is refused the way a person sees it: the "Not allowed" page in
     * the app's frame, naming who may open it, and none of the page itself.
     */
    protected static void assertNotAllowed(String path, Class<? extends Component> page, String whoMay) {
        assertNotAllowed(path, whoMay);
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(page);
    }

    protected static void assertNotAllowed(String path, String whoMay) {
        UI.getCurrent().navigate(path);
        var refusal = com.github.mvysny.kaributesting.v10.LocatorJ._get(dev.plate.base.ui.AccessDeniedView.class);
        org.assertj.core.api.Assertions.assertThat(refusal.getElement().getTextRecursively())
                .contains("/" + path + " is only for " + whoMay);
        var layout = com.github.mvysny.kaributesting.v10.LocatorJ._get(dev.plate.base.ui.MainLayout.class);
        org.assertj.core.api.Assertions.assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(layout,
                com.vaadin.flow.component.html.H1.class).getText()).isEqualTo("Not allowed");
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        securityContext.clearContext();
    }

    /**
     * Karibu's own discovery sees only public classes, and Plate's views are package-private: find every
     * {@code @Route} the way Vaadin does at run time.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        var routes = new Routes().autoDiscoverViews("dev.plate");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (var candidate : scanner.findCandidateComponents("dev.plate")) {
            try {
                routes.getRoutes().add((Class<? extends Component>) Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    /** Signs in as {@code username} with {@code role} (and every role it includes), then reloads the UI. */
    protected void login(String username, Role role) {
        List<SimpleGrantedAuthority> authorities = role.grantedAuthorities().stream()
                .map(SimpleGrantedAuthority::new).toList();
        var principal = new User(username, "", authorities);
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        // A new UI, as after the redirect that follows a real login.
        MockVaadin.tearDown();
        setUpVaadin();
    }
}
