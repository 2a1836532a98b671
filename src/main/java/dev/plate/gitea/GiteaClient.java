package dev.plate.gitea;

/**
 * What Plate asks of Gitea. Every call is one in Gitea's published API (checked in tests against its
 * swagger), and every failure becomes a {@link GiteaException} with a message a person can act on.
 */
public interface GiteaClient {

    /** "Test connection": the server's version and the account the token belongs to. */
    ServerInfo check(GiteaConnection connection);

    /** The repository in the organisation, created (private, empty, branch main) if it does not exist yet. */
    GiteaRepository ensureRepository(GiteaConnection connection, String name, String description);

    /** "Test connection": the organisation exists and the token's user can see it (a 404 says otherwise). */
    void checkOrganisation(GiteaConnection connection);

    /** The repository in the organisation, if it exists (nothing is created). */
    java.util.Optional<GiteaRepository> findRepository(GiteaConnection connection, String name);

    /** Deletes a repository Plate created moments ago for a move that then failed. */
    void deleteRepository(GiteaConnection connection, String name);

    /**
     * A push webhook on the repository to {@code url}, signed with {@code secret}; added only if no hook with
     * that URL exists, so running it again adds nothing.
     *
     * @param type {@code gitea} for Plate itself, {@code gogs} for Argo CD (which reads Gitea's webhooks
     *     through its Gogs parser)
     */
    Hook ensurePushWebhook(GiteaConnection connection, String repository, String url, String secret, String type);

    record ServerInfo(String version, String user) {}

    /** @param empty true until the first push */
    record GiteaRepository(String fullName, String cloneUrl, String htmlUrl, String defaultBranch, boolean empty,
            boolean created) {}

    record Hook(long id, String url, String type, boolean created) {}
}
