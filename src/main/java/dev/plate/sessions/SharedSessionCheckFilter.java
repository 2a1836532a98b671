package dev.plate.sessions;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a container session honest against its shared row, at most once per interval: a row that is gone
 * (logout on another instance, a disabled account, expiry) ends the local session too; otherwise the row's
 * last access is moved on so it does not expire while the user is active. Vaadin's heartbeats do not count
 * as activity, so an idle open tab still times out.
 */
public class SharedSessionCheckFilter extends OncePerRequestFilter {

    private final SharedSessions sessions;
    private final Duration interval;
    private final Clock clock;

    public SharedSessionCheckFilter(SharedSessions sessions, Duration interval, Clock clock) {
        this.sessions = sessions;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SharedSecurityContextRepository.ROW_ID) == null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
            // Signed in without a shared row: nothing could ever end it elsewhere, so do not honour it.
            session.invalidate();
        } else if (session != null && session.getAttribute(SharedSecurityContextRepository.ROW_ID) instanceof String rowId
                && dueForCheck(session) && !isHeartbeat(request)) {
            if (sessions.touch(rowId)) {
                session.setAttribute(SharedSecurityContextRepository.CHECKED_AT, clock.millis());
            } else {
                session.invalidate();
                SharedSessions.writeCookie(request, response, "", Duration.ZERO);
            }
        }
        chain.doFilter(request, response);
    }

    private boolean dueForCheck(HttpSession session) {
        Object checkedAt = session.getAttribute(SharedSecurityContextRepository.CHECKED_AT);
        return !(checkedAt instanceof Long millis) || clock.millis() - millis >= interval.toMillis();
    }

    private static boolean isHeartbeat(HttpServletRequest request) {
        return "heartbeat".equals(request.getParameter("v-r"));
    }
}
