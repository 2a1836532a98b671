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
 * Single sign-on in the browser's chain: Spring Security's OAuth2 login with a registration per provider, account
 * linking and sealed-cookie sign-in requests. Always wired; without a provider there is no registration and no button.
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
    public java.util.List<Button> buttons() {
        return settings.effective().stream().map(config -> new Button("Sign in with " + config.name(),
                SingleSignOn.LOGIN_PATH + config.id())).toList();
    }

    /** Plate's own refusals say what to do; the protocol's errors get a sentence a person can act on. */
    @Override
    public Optional<String> explain(Exception failure) {
        if (!(failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth)) {
            return Optional.empty();
        }
        var error = oauth.getError();
        return Optional.of(switch (error.getErrorCode()) {
            case "authorization_request_not_found" -> "The answer from the provider did not match a sign-in started "
                    + "here (it took too long, or came from another browser tab). Start again.";
            case "invalid_id_token", "invalid_nonce" -> "The provider's answer could not be verified, so Plate did not "
                    + "trust it. Start again; if it keeps failing, an administrator should check the issuer URL.";
            case "invalid_token_response", "invalid_user_info_response" -> "Plate could not complete the sign-in with "
                    + "the provider: " + java.util.Objects.requireNonNullElse(error.getDescription(),
                            error.getErrorCode());
            default -> java.util.Objects.requireNonNullElse(error.getDescription(), "The provider refused the sign-in ("
                    + error.getErrorCode() + ").");
        });
    }

    /** Off only by an administrator's choice, never for administrators, and only while a provider is usable. */
    @Override
    public boolean allowsPasswordsFor(dev.plate.security.Role role) {
        return role == dev.plate.security.Role.ADMIN || settings.localSignIn() || settings.effective().isEmpty();
    }
}
