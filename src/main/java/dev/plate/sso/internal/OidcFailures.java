package dev.plate.sso.internal;

import dev.plate.security.SignInLog;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A single sign-on that did not work, at either end (the way to the provider, or the way back): in the audit log,
 * and back on the login page, which explains it from the exception left in the session.
 */
class OidcFailures implements AuthenticationFailureHandler {

    private final SignInLog audit;
    private final SimpleUrlAuthenticationFailureHandler toLoginPage = new SimpleUrlAuthenticationFailureHandler(
            "/login?error");

    OidcFailures(SignInLog audit) {
        this.audit = audit;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String username = exception instanceof OidcSignIn.Refused refused ? refused.username() : null;
        String why = exception instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null ? oauth.getError().getDescription()
                : exception.getMessage();
        audit.refused(username, "single sign-on refused: " + why);
        toLoginPage.onAuthenticationFailure(request, response, exception);
    }
}
