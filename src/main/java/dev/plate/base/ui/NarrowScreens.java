package dev.plate.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lists that a phone can read: below {@link #BREAKPOINT} pixels of window width a grid shows each row as one
 * stacked card (the row's fields one under the other) instead of columns that would scroll sideways. The switch
 * is made on the server, from the browser's window width at attach and at every resize, because a grid's columns
 * cannot be restacked by CSS.
 */
public final class NarrowScreens {

    /** The width under which Vaadin's app layout also turns its drawer into an overlay. */
    public static final int BREAKPOINT = 800;

    private NarrowScreens() {}

    /**
     * Adds the stacked column to the grid and switches between it and the grid's other columns by window width.
     * A column hidden for another reason (a role, say) stays hidden on wide screens.
     */
    public static <T> Grid.Column<T> stackRows(Grid<T> grid, SerializableFunction<T, Component> card) {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grid.Column<T> stacked = grid.addComponentColumn(card::apply).setKey("stacked").setFlexGrow(1);
        stacked.setVisible(false);
        var hidden = new ArrayList<Grid.Column<T>>();
        var resize = new Registration[1];
        grid.addAttachListener(event -> {
            UI ui = event.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> apply(grid, stacked, hidden,
                    details.getWindowInnerWidth()));
            resize[0] = ui.getPage().addBrowserWindowResizeListener(resized -> apply(grid, stacked, hidden,
                    resized.getWidth()));
        });
        grid.addDetachListener(event -> {
            if (resize[0] != null) {
                resize[0].remove();
            }
        });
        return stacked;
    }

    private static <T> void apply(Grid<T> grid, Grid.Column<T> stacked, List<Grid.Column<T>> hidden, int width) {
        boolean narrow = width > 0 && width < BREAKPOINT;
        if (narrow == stacked.isVisible()) {
            return;
        }
        if (narrow) {
            grid.getColumns().stream().filter(column -> column != stacked && column.isVisible()).forEach(column -> {
                hidden.add(column);
                column.setVisible(false);
            });
        } else {
            hidden.forEach(column -> column.setVisible(true));
            hidden.clear();
        }
        stacked.setVisible(narrow);
        if (narrow) {
            grid.addClassName("plate-stacked-grid");
        } else {
            grid.removeClassName("plate-stacked-grid");
        }
    }

    /** A row as a card: its title on the first line, then each part that is not empty (text or a component). */
    public static Div card(String title, Object... parts) {
        var heading = new Span(title);
        heading.addClassName("plate-stacked-title");
        var card = new Div(heading);
        card.addClassName("plate-stacked");
        for (Object part : parts) {
            if (part instanceof Component component) {
                card.add(component);
            } else if (part != null && !Objects.toString(part).isBlank()) {
                var line = new Span(Objects.toString(part));
                line.addClassName("plate-stacked-line");
                card.add(line);
            }
        }
        return card;
    }
}
