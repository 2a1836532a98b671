package dev.plate.workloads.ui;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Asks Argo CD off the UI's thread (it may take seconds) as the signed-in user, and shows the answer through push.
 * A panel that repeats it stops when it is detached.
 */
final class Background {

    private Background() {}

    /**
     * Runs {@code work} now and then every {@code interval} until the returned thread is interrupted; each result (or
     * failure) is applied inside {@code ui.access}.
     */
    static <T> Thread repeat(UI ui, Duration interval, Supplier<T> work, Consumer<T> apply,
            Consumer<RuntimeException> failed) {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var task = new DelegatingSecurityContextRunnable(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    T result = work.get();
                    ui.access(() -> apply.accept(result));
                } catch (RuntimeException e) {
                    ui.access(() -> failed.accept(e));
                }
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, strategy.getContext());
        task.setSecurityContextHolderStrategy(strategy);
        return Thread.ofVirtual().name("ui-workloads").start(task);
    }
}
