package dev.plate.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Reads the security context from the servlet container's session first (no SQL on a click) and only when it
 * is missing — after a restart, or on another instance — from the shared session row named by the
 * {@code PLATE_SESSION} cookie. A login writes both.
 */
public class SharedSecurityContextRepository implements SecurityContextRepository {

    static final String ROW_ID = SharedSecurityContextRepository.class.getName() + ".row";
    static final String CHECKED_AT = SharedSecurityContextRepository.class.getName() + ".checkedAt";
    /** A cookie already found dead in this container session: do not query for it again. */
    private static final String DEAD_COOKIE = SharedSecurityContextRepository.class.getName() + ".dead";

    private final HttpSessionSecurityContextRepository local = new HttpSessionSecurityContextRepository();
    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();
    private final SharedSessions sessions;
    private final Clock clock;

    public SharedSecurityContextRepository(SharedSessions sessions, SecurityContextHolderStrategy strategy, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
        local.setSecurityContextHolderStrategy(strategy);
    }

    /** Still abstract in Spring Security 7 but no longer called by its filters; answered for completeness. */
    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext fromContainer = local.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private SecurityContext resolved;
            private boolean generated;

            @Override
            public SecurityContext get() {
                resolve();
                return resolved;
            }

            @Override
            public boolean isGenerated() {
                resolve();
                return generated;
            }

            private void resolve() {
                if (resolved != null) {
                    return;
                }
                SecurityContext context = fromContainer.get();
                Optional<SecurityContext> fromRow = fromContainer.isGenerated() ? restore(request) : Optional.empty();
                resolved = fromRow.orElse(context);
                generated = fromContainer.isGenerated() && fromRow.isEmpty();
            }
        };
    }

    private Optional<SecurityContext> restore(HttpServletRequest request) {
        Optional<String> cookie = SharedSessions.cookieOf(request);
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        HttpSession existing = request.getSession(false);
        if (existing != null && cookie.get().equals(existing.getAttribute(DEAD_COOKIE))) {
            return Optional.empty();
        }
        Optional<SecurityContext> context = sessions.load(cookie.get());
        HttpSession session = request.getSession(true);
        if (context.isEmpty()) {
            session.setAttribute(DEAD_COOKIE, cookie.get());
            return Optional.empty();
        }
        if (existing != null) {
            // A session that existed before this login was restored may have been planted: give it a new id.
            request.changeSessionId();
        }
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context.get());
        session.setAttribute(ROW_ID, cookie.get());
        session.setAttribute(CHECKED_AT, clock.millis());
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || trustResolver.isAnonymous(authentication) || !authentication.isAuthenticated()) {
            local.saveContext(context, request, response);
            return;
        }
        // The shared row first: if it cannot be written, the container session must not be signed in either.
        storeRow(context, authentication, request, response, request.getSession(true));
        local.saveContext(context, request, response);
    }

    private void storeRow(SecurityContext context, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response, HttpSession session) {
        String existingRow = (String) session.getAttribute(ROW_ID);
        if (existingRow != null && sessions.load(existingRow).map(SharedSecurityContextRepository::nameOf)
                .filter(authentication.getName()::equals).isPresent()) {
            return;
        }
        if (existingRow != null) {
            sessions.end(existingRow);
        }
        String rowId = sessions.store(context, authentication.getName());
        session.setAttribute(ROW_ID, rowId);
        session.setAttribute(CHECKED_AT, clock.millis());
        session.removeAttribute(DEAD_COOKIE);
        SharedSessions.writeCookie(request, response, rowId, Duration.ofSeconds(-1));
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return local.containsContext(request) || SharedSessions.cookieOf(request).isPresent();
    }

    private static String nameOf(SecurityContext context) {
        return Objects.requireNonNullElse(context.getAuthentication() == null ? null
                : context.getAuthentication().getName(), "");
    }
}
