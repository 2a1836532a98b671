package dev.plate.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address that is no page of Plate's, said inside the app's frame with the way back. */
@ParentLayout(MainLayout.class)
@PermitAll
public final class NotFoundView extends Div implements HasDynamicTitle, HasErrorParameter<NotFoundException> {

    NotFoundView() {
        addClassNames("plate-page", "plate-error-page");
    }

    /** In the top bar and the browser's tab. */
    @Override
    public String getPageTitle() {
        return "No such page";
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new Paragraph("Plate has no page at /" + event.getLocation().getPath() + "."),
                new Anchor("", "Back to the dashboard"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
