package dev.plate.deployment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.SignIn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** After a recovery, the database issues deployment ids past every id the repository's history could name. */
abstract class IdsAfterRecovery {

    @Autowired
    dev.plate.history.DeploymentHistory history;
    @Autowired
    DeploymentService deployments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    @Test
    void after_continue_after_the_next_id_issued_is_the_one_after_it() {
        long highest = jdbc.queryForObject("select coalesce(max(id), 0) from deployment", Long.class) + 10_000;

        history.continueIdsAfter(highest);

        SignIn.as(securityContext, "admin", Role.ADMIN);
        String name = "ids-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        assertThat(jdbc.queryForObject("select min(id) from deployment where project_id = (select id from project "
                + "where name = ?)", Long.class, name)).isEqualTo(highest + 1);
        securityContext.clearContext();
    }
}
