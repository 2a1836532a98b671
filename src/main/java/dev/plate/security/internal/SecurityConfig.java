package dev.plate.security.internal;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import dev.plate.security.SecurityProperties;
import jakarta.servlet.DispatcherType;
import dev.plate.security.ui.LoginView;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The browser's security chain: Vaadin's configurer plus Plate's shared sessions (docs/adr/0002-sessions.md).
 * As the place where security is wired together it may name the login view; nothing else outside ui/ does.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain browserChain(HttpSecurity http, SharedSessions sessions, SecurityProperties properties,
            SecurityContextHolderStrategy strategy, RequestUtil vaadinRequests, Clock clock,
            OidcRegistrations registrations, OidcSignIn oidcSignIn, SealedCookieAuthorizationRequests ssoRequests,
            SignInAudit audit, SignInSources sources)
            throws Exception {
        var contextRepository = new SharedSecurityContextRepository(sessions, strategy, clock);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/images/**", "/icons/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                // Every other actuator address stays closed, even to a signed-in admin.
                .requestMatchers("/actuator/**").denyAll()
                // An error dispatch only renders the status of a request already secured by its own chain
                // (e.g. a 401 or 403 for a git client); sending it to the login page would hide that status.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.securityContext(context -> context.securityContextRepository(contextRepository));
        http.addFilterBefore(new SharedSessionCheckFilter(sessions, properties.sessionRecheckInterval(), clock),
                SecurityContextHolderFilter.class);
        // Vaadin exempts the login form from CSRF; Plate does not (login CSRF). Vaadin's own requests carry
        // Vaadin's sync token instead, and the login form sends the token from the page's _csrf meta tag.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // Single sign-on is always wired and asks the settings at each sign-in: without a provider there is no
        // registration, and the login page shows no button (docs/adr/0015-ahead-of-time-start.md).
        var failures = new OidcFailures(audit, sources);
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(ssoRequests))
                .userInfoEndpoint(info -> info.oidcUserService(oidcSignIn))
                .failureHandler(failures)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // A provider that is down: back to the login page with why, not an error page.
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/login");
        logout.setDefaultTargetUrl("/login");
        http.with(vaadin(), vaadin -> vaadin
                .enableCsrfConfiguration(false)
                // An address that is no view reaches Vaadin for a signed-in person, whose router shows "No such
                // page" inside the app (Vaadin's default refuses it with a bare 403 before routing).
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)
                .loginView(LoginView.class)
                .logoutSuccessHandler(logout)
                .addLogoutHandler(new SharedSessionLogoutHandler(sessions)));
        return http.build();
    }

    /** The one way to log in; declared as a bean so Spring Boot creates no default in-memory user. */
    @Bean
    AuthenticationProvider plateAuthenticationProvider(UserAccountRepository accounts, PasswordEncoder encoder,
            LoginThrottle throttle, SignInSources sources, SignInAudit audit) {
        var passwordCheck = new DaoAuthenticationProvider(new AccountDetailsService(accounts));
        passwordCheck.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwordCheck, throttle, sources, audit);
    }

    /** BCrypt today; the {id} prefix lets a later, stronger encoder take over without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcIndexedSessionRepository sharedSessionRepository(DataSource dataSource,
            PlatformTransactionManager transactionManager, SecurityProperties properties) {
        var repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                new TransactionTemplate(transactionManager));
        repository.setDefaultMaxInactiveInterval(properties.sessionTimeout());
        return repository;
    }

    @Bean
    SharedSessions sharedSessions(JdbcIndexedSessionRepository repository, Clock clock) {
        return new SharedSessions(repository, clock);
    }
}
