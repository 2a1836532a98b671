package dev.plate.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every view lives in: server push, the theme and Plate's styles, the tab's icon. Here, in a {@code ui}
 * package, because Vaadin looks for it only where it looks for views ({@code PlateApplication}'s scan).
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/plate.css")
public class PlateShell implements AppShellConfigurator {

    /** The tab's icon (without one every browser asks for /favicon.ico and logs its 404). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/plate.svg", "any");
    }
}
