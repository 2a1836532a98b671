package dev.plate.gitea.internal;

import dev.plate.gitea.GiteaClient;

/** For callers outside Spring (tests, tools): the same client the application uses. */
public final class GiteaClients {

    private GiteaClients() {}

    public static GiteaClient create() {
        return new HttpGiteaClient();
    }
}
