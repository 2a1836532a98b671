package dev.plate.security.internal;

import dev.plate.sessions.SharedSecurityContextRepository;
import dev.plate.sessions.SharedSessionCheckFilter;
import dev.plate.sessions.SharedSessionLogoutHandler;
import dev.plate.sessions.SharedSessions;
import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import dev.plate.security.BrowserSignIn;
import dev.plate.security.SecurityProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
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
            ObjectProvider<BrowserSignIn> ways) throws Exception {
        List<BrowserSignIn> signIns = ways.orderedStream().toList();
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
        // Other ways in (single sign-on) add their filters; each asks its settings at every sign-in, as the bean
        // definitions are fixed at build time (docs/adr/0015-ahead-of-time-start.md).
        for (BrowserSignIn way : signIns) {
            way.configure(http);
        }
        var logout = signIns.stream().flatMap(way -> way.logoutSuccess().stream()).findFirst();
        http.with(vaadin(), vaadin -> {
            logout.ifPresent(vaadin::logoutSuccessHandler);
            vaadin.enableCsrfConfiguration(false)
                    // An address that is no view reaches Vaadin for a signed-in person, whose router shows "No such
                    // page" inside the app (Vaadin's default refuses it with a bare 403 before routing).
                    .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)
                    .loginView(LoginView.class)
                    .addLogoutHandler(new SharedSessionLogoutHandler(sessions));
        });
        return http.build();
    }

    /** The one way to log in; declared as a bean so Spring Boot creates no default in-memory user. */
    @Bean
    AuthenticationProvider plateAuthenticationProvider(UserAccountRepository accounts, PasswordEncoder encoder,
            LoginThrottle throttle, SignInSources sources, SignInAudit audit, ObjectProvider<BrowserSignIn> ways) {
        var passwordCheck = new DaoAuthenticationProvider(new AccountDetailsService(accounts));
        passwordCheck.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwordCheck, throttle, sources, audit,
                () -> ways.orderedStream().toList());
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
