package dev.plate.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/** Logout deletes the shared row, so the login ends on every instance, and clears the cookie. */
public class SharedSessionLogoutHandler implements LogoutHandler {

    private final SharedSessions sessions;

    public SharedSessionLogoutHandler(SharedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SharedSecurityContextRepository.ROW_ID) instanceof String rowId) {
            sessions.end(rowId);
        }
        SharedSessions.cookieOf(request).ifPresent(sessions::end);
        SharedSessions.writeCookie(request, response, "", Duration.ZERO);
    }
}
