package dev.plate.argocd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.gitops.ConfigRepository;
import dev.plate.leadership.Leadership;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.ServiceAccounts;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Argo CD's read access to the config repository: the repository Secret in the (mock) cluster, holding a token
 * that really clones from Plate's embedded Git server and can do nothing else; replaced before it ends, when
 * revoked or when the Secret goes; on Gitea, the admin's read token, and no Secret without one.
 */
@ArgoCdTest
@ExtendWith(OutputCaptureExtension.class)
class RepositoryAccessTest {

    @Autowired
    RepositoryCredentials access;
    @Autowired
    ConfigRepository repository;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final ArgoCdCluster cluster = ArgoCdCluster.shared();

    @Test
    void argo_cd_gets_a_read_only_token_that_clones_and_is_rotated(CapturedOutput output) throws Exception {
        access.ensure();
        Secret secret = secret();
        assertThat(secret.getMetadata().getLabels()).containsEntry("argocd.argoproj.io/secret-type", "repository")
                .containsEntry("app.kubernetes.io/managed-by", "plate");
        assertThat(field(secret, "type")).isEqualTo("git");
        assertThat(field(secret, "url")).isEqualTo(repository.cloneUrl());
        assertThat(field(secret, "username")).isEqualTo(RepositoryCredentials.ACCOUNT);
        String token = field(secret, "password");
        var authentication = tokens.authenticate(token).orElseThrow();
        assertThat(authentication.getName()).isEqualTo(RepositoryCredentials.ACCOUNT);
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
        // (Here the server listens on a random port, not at the public URL the Secret names.)
        String served = "http://localhost:" + port + "/git/plate-config.git";
        assertThat(Git.lsRemoteRepository().setRemote(served)
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(RepositoryCredentials.ACCOUNT, token))
                .call()).as("Argo CD can read the repository with it").isNotEmpty();
        assertThatThrownBy(() -> Git.lsRemoteRepository().setRemote(served)
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(RepositoryCredentials.ACCOUNT, "plate_wrong"))
                .call()).as("the server does check it").isInstanceOf(TransportException.class);

        // Nothing to do while it is valid for long enough.
        assertThat(access.ensure()).isEqualTo(dev.plate.argocd.RepositoryAccess.Outcome.UNCHANGED);
        assertThat(field(secret(), "password")).isEqualTo(token);

        // Close to its end: replaced, and the old one revoked once the Secret holds the new one. (The leader's
        // reconcile runs every two seconds here and may be the one that replaces it: either way, once ensure()
        // returns, it is done.)
        jdbc.update("update api_token set expires_at = current_timestamp + interval '10' day where token_hash = ?",
                hash(token));
        access.ensure();
        String rotated = field(secret(), "password");
        assertThat(rotated).isNotEqualTo(token);
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(tokens.authenticate(rotated)).isPresent();

        // Revoked by an admin, or the Secret deleted by hand: a new one at the next reconcile.
        jdbc.update("update api_token set revoked_at = current_timestamp where token_hash = ?", hash(rotated));
        access.ensure();
        assertThat(field(secret(), "password")).isNotEqualTo(rotated);
        cluster.client().secrets().inNamespace(ArgoCdCluster.NAMESPACE).withName(RepositorySecret.NAME)
                .delete();
        access.ensure();
        String current = field(secret(), "password");
        assertThat(tokens.authenticate(current)).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from api_token t join plate_user u on u.id = t.user_id "
                + "where u.username = ? and t.revoked_at is null", Integer.class, RepositoryCredentials.ACCOUNT)).isOne();

        // The credential is never logged.
        assertThat(output.getAll()).doesNotContain(token, rotated, current);
    }

    @Test
    void on_gitea_the_admins_read_token_is_used_and_without_one_the_secret_goes() {
        // A cluster of its own: the test context's leader reconciles the shared one every two seconds, and wrote its
        // embedded server's Secret there between a removal and the check that it was gone.
        var own = new ArgoCdCluster();
        var connection = FabricArgoCdTest.connectionTo(own);
        var argoCd = new FabricArgoCd(connection, new Ownership(() -> FabricArgoCdTest.INSTALLATION,
                () -> FabricArgoCdTest.REPO));
        var configRepository = mock(ConfigRepository.class);
        when(configRepository.cloneUrl()).thenReturn("https://gitea.example.com/acme/plate-config.git");
        var leadership = mock(Leadership.class);
        var withToken = mock(RepositoryHosting.class);
        when(withToken.gitea()).thenReturn(new GiteaProperties("https://gitea.example.com", "acme", "admin-token",
                Duration.ofSeconds(5), "argocd-bot", "read-only-token").host());
        var gitea = new RepositoryCredentials(argoCd, configRepository, withToken, mock(ServiceAccounts.class), leadership,
                Clock.systemUTC(), connection);
        try {
            assertThat(gitea.ensure()).isEqualTo(dev.plate.argocd.RepositoryAccess.Outcome.WRITTEN);
            assertThat(argoCd.repository()).contains(new dev.plate.argocd.ArgoCd.RepositoryCredentials(
                    "https://gitea.example.com/acme/plate-config.git", "argocd-bot", "read-only-token", Optional.empty()));
            assertThat(gitea.ensure()).isEqualTo(dev.plate.argocd.RepositoryAccess.Outcome.UNCHANGED);

            var withoutToken = mock(RepositoryHosting.class);
            when(withoutToken.gitea()).thenReturn(new GiteaProperties("https://gitea.example.com", "acme",
                    "admin-token", Duration.ofSeconds(5), "", "").host());
            var noCredential = new RepositoryCredentials(argoCd, configRepository, withoutToken, mock(ServiceAccounts.class),
                    leadership, Clock.systemUTC(), connection);
            assertThat(noCredential.ensure()).isEqualTo(dev.plate.argocd.RepositoryAccess.Outcome.REMOVED);
            assertThat(argoCd.repository()).isEmpty();
            assertThat(noCredential.ensure()).isEqualTo(dev.plate.argocd.RepositoryAccess.Outcome.NO_CREDENTIAL);
        } finally {
            connection.destroy();
            own.close();
        }
    }

    private Secret secret() {
        return cluster.client().secrets().inNamespace(ArgoCdCluster.NAMESPACE).withName(RepositorySecret.NAME)
                .get();
    }

    private static String field(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String hash(String token) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
