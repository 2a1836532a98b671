package dev.plate.workloads.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Asks Argo CD off the UI's thread (it may take seconds) as the signed-in user, and shows the answer through push.
 * A panel that repeats it stops when it is detached.
 */
final class Background {

    private Background() {}

    /**
     * Runs {@code work} now and then every {@code interval} until the returned thread is interrupted; each result (or
     * failure) is applied inside {@code ui.access}. The user is taken from the request that attached the panel and set
     * on the application's own holder strategy, the one its method security reads (with several application contexts
     * in one JVM the static holder may be another's).
     */
    static <T> Thread repeat(UI ui, SecurityContextHolderStrategy security, Duration interval, Supplier<T> work,
            Consumer<T> apply, Consumer<RuntimeException> failed) {
        Authentication user = signedIn(security);
        return Thread.ofVirtual().name("ui-workloads").start(() -> {
            var context = security.createEmptyContext();
            context.setAuthentication(user);
            security.setContext(context);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        T result = work.get();
                        ui.access(() -> apply.accept(result));
                    } catch (RuntimeException e) {
                        ui.access(() -> failed.accept(e));
                    }
                    Thread.sleep(interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // detached: stop
            } finally {
                security.clearContext();
            }
        });
    }

    private static Authentication signedIn(SecurityContextHolderStrategy security) {
        var request = VaadinRequest.getCurrent();
        if (request != null && request.getUserPrincipal() instanceof Authentication authentication) {
            return authentication;
        }
        return security.getContext().getAuthentication();
    }
}
