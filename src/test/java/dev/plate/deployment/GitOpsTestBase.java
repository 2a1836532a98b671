package dev.plate.deployment;

import dev.plate.base.PlateProperties;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.GitProperties;
import dev.plate.support.BareRepository;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

@PlateTest
abstract class GitOpsTestBase {

    @Autowired
    DeploymentService deployments;

    @Autowired
    ConfigRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    @Autowired
    PlateProperties plate;

    @Autowired
    GitProperties git;

    BareRepository bare() {
        return new BareRepository(plate.dataDir(), git.repositoryName());
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    void signInAs(String username, Role role) {
        var authorities = role.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static NewProject project(String name) {
        return new NewProject(name, "https://github.com/acme/" + name + ".git", "ghcr.io/acme/" + name, 8080,
                "/healthz", List.of("payments"));
    }

    long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
