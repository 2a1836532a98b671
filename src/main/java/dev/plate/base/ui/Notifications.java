package dev.plate.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import org.springframework.security.access.AccessDeniedException;

/** One way for views to report what happened: success in green, refusals in red with the service's message. */
public final class Notifications {

    private Notifications() {}

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 8000);
    }

    /**
     * Runs a service call; on success shows {@code successMessage} (if any), on a refusal shows why. Either
     * way runs {@code then}, so the view shows the state as it now is.
     */
    public static void attempt(Runnable action, String successMessage, Runnable then) {
        try {
            action.run();
            if (successMessage != null) {
                success(successMessage);
            }
        } catch (ValidationException | NotFoundException | dev.plate.base.UnavailableException e) {
            error(e.getMessage());
        } catch (AccessDeniedException e) {
            // Plate's own refusals say which role is missing where; Spring's bare "Access Denied" says nothing.
            error("Access Denied".equals(e.getMessage()) ? "You are not allowed to do this. Ask an administrator if you "
                    + "need to." : e.getMessage());
        } finally {
            then.run();
        }
    }

    /**
     * At the top: on a phone a toast spans the screen's width, and at the bottom it covered the last card's
     * buttons (prod's Deploy and Roll back) for seconds after every action.
     */
    private static void show(String message, NotificationVariant variant, int millis) {
        var notification = Notification.show(message, millis, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }
}
