package dev.plate.deployment.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Who is acting: the signed-in user, who also becomes the author of the commit made on their behalf. */
@Component
class Actors {

    private final CurrentUser user;

    Actors(CurrentUser user) {
        this.user = user;
    }

    String current() {
        return user.name();
    }

    ChangeSet.Author author(String username) {
        return new ChangeSet.Author(username, username + "@users.plate.local");
    }
}
