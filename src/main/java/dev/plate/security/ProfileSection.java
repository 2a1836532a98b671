package dev.plate.security;

import com.vaadin.flow.component.Component;

/**
 * A part of the profile page that another module adds, such as the access tokens of module {@code tokens}: the
 * page stays security's, each section stays with what it shows, and security needs no module above it. Spring
 * beans, implemented in the adding module's {@code ui} package.
 */
public interface ProfileSection {

    /** A new section for one opening of the page, about the signed-in user's own things. */
    Component create();
}
