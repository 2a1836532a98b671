package dev.plate.sso.internal;

import dev.plate.security.BrowserSignIn;
import dev.plate.security.SignInLog;
import dev.plate.sso.SingleSignOn;
import java.util.Optional;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Single sign-on in the browser's chain: Spring Security's OAuth2 login with Plate's registration, account linking
 * and sealed-cookie sign-in requests. Always wired; without a provider there is no registration and no button.
 */
@Component
class OidcBrowserSignIn implements BrowserSignIn {

    private final OidcRegistrations registrations;
    private final OidcSignIn signIn;
    private final SealedCookieAuthorizationRequests requests;
    private final OidcSettings settings;
    private final SignInLog log;

    OidcBrowserSignIn(OidcRegistrations registrations, OidcSignIn signIn, SealedCookieAuthorizationRequests requests,
            OidcSettings settings, SignInLog log) {
        this.registrations = registrations;
        this.signIn = signIn;
        this.requests = requests;
        this.settings = settings;
        this.log = log;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        var failures = new OidcFailures(log);
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(requests))
                .userInfoEndpoint(info -> info.oidcUserService(signIn))
                .failureHandler(failures)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // A provider that is down: back to the login page with why, not an error page.
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
    }

    /** RP-initiated logout for a person who signed in through the provider; the login page for everyone else. */
    @Override
    public Optional<LogoutSuccessHandler> logoutSuccess() {
        // Still a SimpleUrlLogoutSuccessHandler, so Vaadin redirects a sign-out from inside the app as it should.
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations) {
            @Override
            protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    org.springframework.security.core.Authentication authentication) {
                try {
                    return super.determineTargetUrl(request, response, authentication);
                } catch (RuntimeException providerUnavailable) {
                    // Plate's session has ended already; a provider that cannot be asked only loses its sign-out.
                    return "/login";
                }
            }
        };
        logout.setPostLogoutRedirectUri("{baseUrl}/login");
        logout.setDefaultTargetUrl("/login");
        return Optional.of(logout);
    }

    @Override
    public Optional<String> buttonLabel() {
        return settings.buttonLabel();
    }

    /** Off only by an administrator's choice, and never for administrators; a misconfigured provider turns none off. */
    @Override
    public boolean allowsPasswordsFor(dev.plate.security.Role role) {
        if (role == dev.plate.security.Role.ADMIN) {
            return true;
        }
        try {
            return settings.effective().map(OidcConfig::localSignIn).orElse(true);
        } catch (dev.plate.base.ValidationException misconfigured) {
            return true;
        }
    }

    @Override
    public String loginPath() {
        return SingleSignOn.LOGIN_PATH;
    }
}
