package dev.plate.sessions;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The database half of Plate's sessions: one row per login holding only the security context, found again by
 * a cookie of its own. Vaadin's UI state stays in the servlet container's session; see
 * docs/adr/0002-sessions.md for why the two are kept apart.
 */
public class SharedSessions {

    static final String COOKIE = "PLATE_SESSION";
    private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    /**
     * Typed by the public {@link Session}, as the repository's own session class is package-private. Expired
     * rows are removed by the repository itself, every minute (it schedules that once it is a bean).
     */
    private final FindByIndexNameSessionRepository<Session> rows;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    public SharedSessions(JdbcIndexedSessionRepository repository, Clock clock) {
        this.rows = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) repository;
        this.clock = clock;
    }

    /** Stores a new login and returns the row id that the cookie carries. */
    public String store(SecurityContext context, String username) {
        Session row = rows.createSession();
        row.setAttribute(CONTEXT, context);
        row.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, username);
        rows.save(row);
        return row.getId();
    }

    /** The stored login, unless it was ended (logout, disabled account) or expired. */
    public Optional<SecurityContext> load(String rowId) {
        return Optional.ofNullable(rows.findById(rowId)).map(row -> row.getAttribute(CONTEXT));
    }

    /** Marks the login as used now; returns false when the row is gone. */
    public boolean touch(String rowId) {
        Session row = rows.findById(rowId);
        if (row == null) {
            return false;
        }
        row.setLastAccessedTime(clock.instant());
        rows.save(row);
        return true;
    }

    public void end(String rowId) {
        rows.deleteById(rowId);
    }

    /** Ends every login of one user, on every instance (each notices at its next re-check). */
    public void endSessionsOf(String username) {
        rows.findByPrincipalName(username).keySet().forEach(rows::deleteById);
    }

    /**
     * Ends the user's sessions now and again once the current transaction has committed: a login racing with the
     * change (a role, a state) still read the old one and may have stored a new session in between.
     */
    public void endSessionsOfAtCommitToo(String username) {
        endSessionsOf(username);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                endSessionsOf(username);
            }
        });
    }

    static Optional<String> cookieOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(value -> !value.isBlank()).findFirst();
    }

    static void writeCookie(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        var cookie = ResponseCookie.from(COOKIE, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path(path);
        if (!maxAge.isNegative()) {
            cookie.maxAge(maxAge);
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
    }
}
