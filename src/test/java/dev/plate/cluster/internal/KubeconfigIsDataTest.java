package dev.plate.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.cluster.ClusterAdministration;
import dev.plate.cluster.ClusterConnection;
import dev.plate.cluster.ClusterConnection.Mode;
import dev.plate.cluster.ClusterProperties;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A kubeconfig that would run a program ({@code exec}, {@code auth-provider}) or read a file on Plate's host is
 * refused, naming the field, when an admin saves it and when Plate starts with it, and its command never runs.
 */
@PlateTest
class KubeconfigIsDataTest {

    @Autowired
    ClusterAdministration administration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void an_exec_kubeconfig_saved_in_the_browser_is_refused_and_its_command_never_runs() {
        SignIn.as(securityContext, "root", Role.ADMIN);
        Path marker = dir.resolve("ran");

        assertThatThrownBy(() -> administration.save(new ClusterConnection(Mode.KUBECONFIG,
                Optional.of(execKubeconfig(marker)), "argocd")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("users[0].user.exec runs a program");
        assertThatThrownBy(() -> administration.test(new ClusterConnection(Mode.KUBECONFIG,
                Optional.of(execKubeconfig(marker)), "argocd")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("users[0].user.exec");

        assertThat(marker).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from setting where name like 'argocd.%'", Long.class)).isZero();
    }

    @Test
    void an_exec_kubeconfig_in_the_environment_stops_the_start_with_the_field_named_and_runs_nothing() throws Exception {
        Path marker = dir.resolve("ran");
        Path file = Files.writeString(dir.resolve("kubeconfig"), execKubeconfig(marker));

        assertThatThrownBy(() -> new KubernetesConnection(new ClusterProperties(file.toString(), false, "argocd")))
                .hasMessageContaining("PLATE_ARGOCD_KUBECONFIG").hasMessageContaining("users[0].user.exec");

        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "user|auth-provider: {name: gcp}|users[0].user.auth-provider runs an authentication plugin",
            "user|tokenFile: /var/run/secrets/token|users[0].user.tokenFile names a file",
            "user|client-certificate: /root/.kube/cert.pem|users[0].user.client-certificate names a file",
            "user|client-key: /root/.kube/key.pem|users[0].user.client-key names a file",
            "cluster|certificate-authority: /etc/ca.pem|clusters[0].cluster.certificate-authority names a file"})
    void credentials_or_certificates_read_from_files_are_refused(String section, String field, String message) {
        String kubeconfig = section.equals("user") ? kubeconfig("", field) : kubeconfig(field, "");

        assertThatThrownBy(() -> KubeconfigPolicy.requireDataOnly(kubeconfig))
                .isInstanceOf(ValidationException.class).hasMessageContaining(message);
    }

    @Test
    void inline_tokens_and_certificate_data_are_accepted() {
        String kubeconfig = kubeconfig("", "");

        assertThat(KubeconfigPolicy.requireDataOnly(kubeconfig)).isEqualTo(kubeconfig);
    }

    /** A kubeconfig with inline credentials, and one more line in its cluster and in its user. */
    private static String kubeconfig(String clusterField, String userField) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: https://127.0.0.1:6443
                    certificate-authority-data: bm90IGEgY2VydA==
                    %s
                users:
                - name: plate
                  user:
                    token: test-token
                    %s
                contexts:
                - name: test
                  context: {cluster: test, user: plate}
                current-context: test
                """.formatted(clusterField, userField);
    }

    private static String execKubeconfig(Path marker) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster: {server: "https://127.0.0.1:6443"}
                users:
                - name: plate
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: /bin/sh
                      args: ["-c", "touch %s; echo '{}'"]
                contexts:
                - name: test
                  context: {cluster: test, user: plate}
                current-context: test
                """.formatted(marker);
    }
}
