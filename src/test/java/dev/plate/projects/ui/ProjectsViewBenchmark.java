package dev.plate.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.Subscription;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.KaribuSupport;
import dev.plate.support.PlateTest;
import dev.plate.support.TestPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Projects view with 10,000 projects (3 environments each: 30,000 deployments) and 30,000 Applications in
 * the status store: server time from navigating to the view until its first page (50 rows, with every badge)
 * is rendered for the browser, and heap per open UI session. The store is a map of real {@link ApplicationStatus}
 * records (the informer-backed store's lookup is the same map get; {@code StatusStoreBenchmark} measures the
 * informer). Run on purpose: {@code ./mvnw test -Dtest=ProjectsViewBenchmark -Dplate.excludedGroups=none};
 * writes {@code target/benchmarks/projects-view.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD, "logging.level.plate.audit=WARN"})
@org.springframework.test.context.ContextConfiguration(initializers = ProjectsViewBenchmark.Database.class)
class ProjectsViewBenchmark extends KaribuSupport {

    static final int PROJECTS = 10_000;
    static final int RUNS = 30;
    static final int SESSIONS = 20;
    static final Map<String, ApplicationStatus> STORE = new ConcurrentHashMap<>();

    static class Database implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.jdbcUrl("projectsbench"),
                    "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                    "plate.data-dir=" + dev.plate.support.PostgresInitializer.tempDataDir())
                    .applyTo(context.getEnvironment());
        }
    }

    @TestConfiguration
    static class Store {
        @Bean
        @Primary
        ApplicationStatuses benchmarkStatuses() {
            return new ApplicationStatuses() {
                @Override
                public Optional<ApplicationStatus> of(String project, String environment) {
                    return Optional.ofNullable(STORE.get(project + "-" + environment));
                }

                @Override
                public Collection<ApplicationStatus> all() {
                    return STORE.values();
                }

                @Override
                public Connection connection() {
                    return new Connection(Connection.State.LIVE, Instant.now(), "benchmark store");
                }

                @Override
                public Subscription subscribe(Consumer<ApplicationStatus> listener) {
                    return () -> { };
                }
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeploymentService deployments;

    private final List<String> lines = new ArrayList<>();

    @Test
    void first_page_with_ten_thousand_projects() throws Exception {
        fill();
        login("bench", Role.VIEWER);
        for (int i = 0; i < 10; i++) {
            UI.getCurrent().navigate("profile");
            openFirstPage();
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            UI.getCurrent().navigate("profile"); // elsewhere, so the next navigation builds the view anew
            long started = System.nanoTime();
            openFirstPage();
            times.add((System.nanoTime() - started) / 1e6);
        }
        Grid<?> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(PROJECTS + 1);
        times.sort(Double::compare);
        line("Projects view: %,d projects, %,d deployments, %,d Applications in the status store; JVM %s, %d cores",
                PROJECTS + 1, jdbc.queryForObject("select count(*) from deployment", Long.class), STORE.size(),
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        line("navigate to /projects and render the first page (50 rows, 3 badges each) for the browser, %d runs: "
                + "p50 %.1f ms, p95 %.1f ms, max %.1f ms", RUNS, times.get(RUNS / 2), times.get(RUNS * 95 / 100),
                times.getLast());
        line("heap per open UI session (Projects view, first page rendered), %d sessions: %.0f KB", SESSIONS,
                heapPerSession() / 1024.0);
        Path out = Path.of("target", "benchmarks", "projects-view.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private void openFirstPage() {
        UI.getCurrent().navigate("projects");
        Grid<?> grid = _get(Grid.class);
        grid.getDataCommunicator().setViewportRange(0, 50);
        MockVaadin.clientRoundtrip(true);
    }

    /** Sessions kept open at once; live heap (after a full GC) before and after, divided. */
    private double heapPerSession() throws Exception {
        var held = new ArrayList<UI>();
        long before = liveHeap();
        for (int i = 0; i < SESSIONS; i++) {
            setUpVaadin();
            login("bench", Role.VIEWER);
            openFirstPage();
            held.add(UI.getCurrent());
        }
        long after = liveHeap();
        assertThat(held).hasSize(SESSIONS);
        return (after - before) / (double) SESSIONS;
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Rows made in SQL from one real import (its project row and its three deployment rows as templates). */
    private void fill() {
        securityContext.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("bench",
                        null, Role.MAINTAINER.grantedAuthorities().stream()
                                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList()));
        deployments.importProject(new ImportRequest(new NewProject("template", "", "ghcr.io/acme/template", 8080, "/",
                List.of("team-a")), "1.0.0"));
        jdbc.update("insert into project (name, source_repo_url, image_repository, container_port, health_path, owners,"
                + " dependencies, created_by, created_at, version) select 'app-' || lpad(cast(x as varchar), 5, '0'),"
                + " p.source_repo_url, p.image_repository, p.container_port, p.health_path, 'team-' || (x % 50),"
                + " p.dependencies, p.created_by, p.created_at, 0 from project p, generate_series(1, ?) x"
                + " where p.name = 'template'", PROJECTS);
        jdbc.update("insert into deployment (project_id, environment_id, kind, state, requested_by, requested_at,"
                + " image_tag, from_revision, to_revision, config_json, summary) select n.id, d.environment_id, d.kind,"
                + " d.state, d.requested_by, d.requested_at, d.image_tag, d.from_revision, d.to_revision, d.config_json,"
                + " d.summary from project n, deployment d join project t on t.id = d.project_id"
                + " where t.name = 'template' and n.name like 'app-%'");
        String[] health = {"Healthy", "Healthy", "Healthy", "Progressing", "Degraded", "Missing"};
        Instant now = Instant.now();
        int i = 0;
        for (String name : jdbc.queryForList("select name from project", String.class)) {
            for (String env : List.of("dev", "staging", "prod")) {
                String h = health[i++ % health.length];
                STORE.put(name + "-" + env, new ApplicationStatus(name + "-" + env, name, env,
                        i % 7 == 0 ? "OutOfSync" : "Synced", h, "", "abc", "Succeeded", "", "abc", now));
            }
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        lines.add(text);
        System.out.println(text);
    }
}
