package dev.plate.base.ui;

import com.vaadin.flow.component.HasValidation;
import dev.plate.base.ValidationException;
import java.util.Map;

/** Shows a service's refusal next to the field it names, or as a notification when no field on screen matches. */
public final class FieldErrors {

    private FieldErrors() {}

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    public static void show(ValidationException refusal, Map<String, ? extends HasValidation> fields) {
        HasValidation field = fields.get(refusal.field());
        if (field == null) {
            Notifications.error(refusal.getMessage());
            return;
        }
        field.setErrorMessage(refusal.getMessage());
        field.setInvalid(true);
    }
}
