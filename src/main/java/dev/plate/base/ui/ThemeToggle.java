package dev.plate.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.VaadinSession;

/** Switches between light and dark; the choice lasts for the browser session, across views and reloads. */
final class ThemeToggle extends Button {

    private static final String ATTRIBUTE = ThemeToggle.class.getName();

    ThemeToggle() {
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        addClassName("plate-theme-toggle");
        addClickListener(event -> apply(event.getSource().getUI().orElseThrow(), !isDark()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        apply(attachEvent.getUI(), isDark());
    }

    private void apply(UI ui, boolean dark) {
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, dark);
        ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
        setIcon(new Icon("vaadin", dark ? "sun-o" : "moon-o"));
        setAriaLabel(dark ? "Switch to light mode" : "Switch to dark mode");
        setTooltipText(dark ? "Light mode" : "Dark mode");
    }

    static boolean isDark() {
        return Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(ATTRIBUTE));
    }
}
