package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdServerDouble;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.FakeArgoCdServer;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real CLI, through its launcher {@code cli/plate} in a process of its own, against the real server on a
 * random port, with the fabric8 mock API server standing in for the cluster and this test acting as Argo CD's
 * controller. Each step is checked where it lands: the exit code and output, the commits and files of the config
 * repository, the Applications in the cluster.
 */
@ArgoCdTest
class CliEndToEndTest {

    static final Path LAUNCHER = Path.of("cli", "plate").toAbsolutePath();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    @LocalServerPort
    int port;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;
    @Autowired
    dev.plate.teams.TeamService teams;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final ArgoCdCluster cluster = ArgoCdCluster.shared();
    final FakeArgoCdServer argoCd = ArgoCdServerDouble.shared();

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void theCliIsBuilt() {
        assertThat(LAUNCHER.resolveSibling("target/plate-cli.jar"))
                .as("the server's build makes the CLI first (mvnw verify runs cli/pom.xml)").exists();
    }

    @Test
    void import_deploy_wait_promote_fail_roll_back_and_read_history() throws Exception {
        String name = "shop" + Long.toString(System.nanoTime(), 36);
        Path project = sampleProject(name);

        // login: the password from stdin, the token kept readable only by the user
        var login = login(PlateTest.ADMIN_PASSWORD + "\n", "login", "http://localhost:" + port, "-u", "admin",
                "--password-stdin");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("Logged in to http://localhost:" + port + " as admin (ADMIN)");
        Path config = home.resolve("config/plate/config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(plate("whoami").out()).startsWith("admin at http://localhost:" + port);

        // import: what the directory says, then chart, values and Applications
        var imported = plate("import", project.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("name", name, "(the git remote)", "ghcr.io/acme/" + name,
                "3000", "(Dockerfile EXPOSE)", "/healthz", "(Dockerfile HEALTHCHECK)", "Imported " + name,
                "dev → staging → prod", name + "-dev, " + name + "-staging, " + name + "-prod");
        assertThat(text(RepoLayout.chartDir(name) + "/Chart.yaml")).contains("name: " + name);
        assertThat(text(RepoLayout.valuesFile(name, "dev"))).contains("tag: \"latest\"", "containerPort: 3000",
                "path: \"/healthz\"");
        assertThat(jdbc.queryForObject("select container_port from project where name = ?", Integer.class, name))
                .isEqualTo(3000);
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(name + "-prod") != null);
        assertThat(cluster.appProject(name)).isNotNull();

        // deploy with a value change and wait: Argo CD reports it healthy, the CLI says so and exits 0
        var deploy = start("deploy", name, "--env", "dev", "--image", "1.1.0", "--set", "replicas=2", "--set",
                "env.GREETING=hello: {{ world }}", "--wait");
        String good = reportHealthy(name, "dev", deploy);
        var deployed = finish(deploy);
        assertThat(deployed.exit()).as(deployed.err()).isZero();
        assertThat(deployed.out()).contains("to dev: image 1.1.0, replicas 1 → 2", "Succeeded: synced and healthy");
        String devValues = text(RepoLayout.valuesFile(name, "dev"));
        assertThat(devValues).contains("tag: \"1.1.0\"", "replicaCount: 2", "GREETING: \"hello: {{ world }}\"");
        long goodId = lastDeployment(name, "dev").id();

        // promote to the next environment (found by the CLI) and wait
        var promote = start("promote", name, "--from", "dev", "--wait");
        reportHealthy(name, "staging", promote);
        var promoted = finish(promote);
        assertThat(promoted.exit()).as(promoted.err()).isZero();
        assertThat(text(RepoLayout.valuesFile(name, "staging"))).contains("tag: \"1.1.0\"");

        // a deployment Argo CD reports degraded: exit 5 and one red line with Argo CD's message
        var broken = start("deploy", name, "-e", "dev", "-i", "1.2.0-broken", "--wait");
        var row = awaitNewDeployment(name, "dev", goodId);
        cluster.degraded(name + "-dev", row.commit(), "Back-off pulling image \"ghcr.io/acme/" + name + ":1.2.0-broken\"");
        var failed = finish(broken);
        assertThat(failed.exit()).isEqualTo(5);
        assertThat(failed.err()).contains("waiting for deployment #" + row.id()).doesNotContain("\tat ", "Exception");
        // (after the line, what Plate found out about why: here only that Argo CD's API server does not know the app)
        assertThat(failed.err().lines().filter(line -> line.startsWith("error: ")).toList()).singleElement()
                .asString().startsWith("error: Deployment #" + row.id() + " to dev failed")
                .contains("Back-off pulling image");
        // the list filters by what Argo CD reports
        var degraded = plate("projects", "-q", name, "--status", "degraded");
        assertThat(degraded.exit()).as(degraded.err()).isZero();
        assertThat(degraded.out()).contains(name);
        var healthy = plate("projects", "-q", name, "--status", "suspended");
        assertThat(healthy.out()).doesNotContain(name + " ").contains("No project matches");
        assertRefused(plate("projects", "--status", "on-fire"), 2, "--status 'on-fire' is none of healthy, progressing");

        // the failed deployment sent to Argo CD again as it was: no new commit, a RETRY that names it
        String headAtRetry = repository.head();
        var retried = plate("deploy", name, "-e", "dev", "--retry");
        assertThat(retried.exit()).as(retried.err()).isZero();
        assertThat(retried.out()).contains("retry of #" + row.id());
        assertThat(repository.head()).isEqualTo(headAtRetry);
        assertRefused(plate("deploy", name, "-e", "dev", "--retry", "--image", "9.9.9"), 2, "--retry sends the last "
                + "deployment again as it was");

        // roll back to the good deployment: a new commit that restores its values
        String headBefore = repository.head();
        var rollback = plate("rollback", name, "--env", "dev", "--to", Long.toString(goodId));
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(repository.head()).isNotEqualTo(headBefore);
        assertThat(text(RepoLayout.valuesFile(name, "dev"))).isEqualTo(devValues);

        // history as JSON, newest first, every step there
        var history = plate("history", name, "-o", "json");
        assertThat(history.exit()).isZero();
        List<String> kinds = new ArrayList<>();
        JSON.readTree(history.out()).forEach(d -> kinds.add(d.get("kind").asString() + " " + d.get("environment")
                .asString()));
        assertThat(kinds).containsExactly("ROLLBACK dev", "RETRY dev", "DEPLOY dev", "PROMOTE staging", "DEPLOY dev",
                "IMPORT prod", "IMPORT staging", "IMPORT dev");
        assertThat(plate("history", name, "--env", "staging").out()).contains("PROMOTE").doesNotContain("ROLLBACK");

        // status, as a table and as YAML
        var status = plate("status", name);
        assertThat(status.out()).contains("ENVIRONMENT", "staging", "1.1.0", "Synced", "Healthy");
        assertThat(plate("status", "-o", "yaml").out()).contains("name: " + name);
        JsonNode one = JSON.readTree(plate("status", name, "-o", "json").out());
        assertThat(one.get("environments").get(1).get("health").asString()).isEqualTo("Healthy");
    }

    @Test
    void refused_input_changes_nothing_and_says_why_with_its_exit_code() throws Exception {
        var login = login(PlateTest.ADMIN_PASSWORD + "\n", "login", "http://localhost:" + port, "-u", "admin",
                "--password-stdin");
        assertThat(login.exit()).isZero();
        String name = "refuse" + Long.toString(System.nanoTime(), 36);
        assertThat(plate("import", sampleProject(name).toString()).exit()).isZero();
        String head = repository.head();
        int rows = jdbc.queryForObject("select count(*) from deployment", Integer.class);

        assertRefused(plate("deploy", name, "--env", "qa", "--image", "1.0"), 4, "There is no environment named 'qa'");
        assertRefused(plate("deploy", "no-such-project", "--env", "dev", "--image", "1.0"), 4, "no-such-project");
        assertRefused(plate("deploy", name, "--env", "dev", "--set", "replicas=many"), 2,
                "--set replicas must be a whole number"); // the flag typed, not the API's field
        assertRefused(plate("deploy", name, "--env", "dev", "--set", "env.1BAD=x"), 2, "1BAD");
        assertRefused(plate("deploy", name, "--env", "dev", "--set", "resources.limits.cpu=lots"), 2,
                "--set resources.limits.cpu 'lots'");
        assertRefused(plate("deploy", name, "--env", "dev", "--image", "bad tag!"), 2, "--image 'bad tag!' is not valid");
        assertRefused(plate("deploy", name, "--env", "dev", "--set", "ingress.host=-bad-.example"), 2,
                "--set ingress.host '-bad-.example' is not valid");
        assertRefused(plate("import", sampleProject("Bad_Name").toString(), "--name", "Bad_Name"), 2, "Bad_Name");
        assertRefused(plate("import", sampleProject(name + "x").toString(), "--port", "70000"), 2,
                "--port must be a port between 1 and 65535");
        assertRefused(plate("rollback", name, "--env", "dev", "--to", "999999"), 4, "999999");
        // a directory that names no image repository (no Dockerfile, no GitHub or GitLab remote): no guess in a script
        Path bare = Files.createDirectories(home.resolve("projects").resolve(name + "-bare"));
        assertRefused(plate("import", bare.toString()), 2, "give --image-repository, e.g. ghcr.io/acme/" + name);
        assertThat(repository.head()).isEqualTo(head);
        assertThat(jdbc.queryForObject("select count(*) from deployment", Integer.class)).isEqualTo(rows);

        assertThat(plate("logout").out()).contains("Logged out");
        assertRefused(plate("status"), 3, "plate login");
        assertRefused(plate(Map.of("PLATE_TOKEN", "plate_forged", "PLATE_URL", "http://localhost:" + port), null,
                "projects"), 3, "unknown, revoked or expired");
        assertRefused(plate(Map.of("PLATE_TOKEN", "x", "PLATE_URL", "http://localhost:1"), null, "projects"), 6,
                "Cannot reach Plate");
    }

    /** The server's reason reaches the person typing: a wrong password, then the lock, each in one line. */
    @Test
    void a_refused_login_says_why() throws Exception {
        String name = "lee" + Long.toString(System.nanoTime(), 36);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        users.createUser(new NewUser(name, "Lee", Role.DEVELOPER, "a-long-enough-password-1"));
        securityContext.clearContext();

        var wrong = login("not-the-password\n", "login", "http://localhost:" + port, "-u", name, "--password-stdin");

        assertRefused(wrong, 3, "Wrong username or password");
        for (int i = 2; i <= 5; i++) { // five in a row from one address lock it out of the account for a while
            login("not-the-password\n", "login", "http://localhost:" + port, "-u", name, "--password-stdin");
        }
        assertRefused(login("a-long-enough-password-1\n", "login", "http://localhost:" + port, "-u", name,
                "--password-stdin"), 3, "Too many failed sign-ins to this account from your address: try again in");
    }

    /**
     * {@code plate login --device} on a machine without a browser: the CLI shows a code, a person types it into Plate
     * in a browser elsewhere and approves, and the CLI, polling, is signed in as that person; a refusal ends it.
     */
    @Test
    void a_device_sign_in_approved_in_another_browser_logs_the_cli_in() throws Exception {
        String name = "dev" + Long.toString(System.nanoTime(), 36);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        users.createUser(new NewUser(name, "Dee", Role.DEVELOPER, "a-long-enough-password-1"));
        securityContext.clearContext();
        var browser = new dev.plate.support.HttpSession();
        browser.login("http://localhost:" + port, name, "a-long-enough-password-1");

        var waiting = start("login", "http://localhost:" + port, "--device");
        String code = userCode(awaitError(waiting, "Waiting for the approval"));
        assertThat(decide(browser, code, "approve").body()).contains("The command line is signed in");

        var run = finish(waiting);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Logged in to http://localhost:" + port + " as " + name + " (DEVELOPER)");
        assertThat(plate("whoami").out()).contains(name);

        var refused = start("login", "http://localhost:" + port, "--device");
        decide(browser, userCode(awaitError(refused, "Waiting for the approval")), "cancel");
        var refusal = finish(refused);
        assertThat(refusal.exit()).as(refusal.err()).isEqualTo(3);
        assertThat(refusal.err()).contains("error: The sign-in was refused in the browser.").doesNotContain("\tat ");
        assertThat(plate("login", "http://localhost:" + port, "--device", "--sso").exit()).isEqualTo(2);
    }

    private static String userCode(String err) {
        var matcher = java.util.regex.Pattern.compile("\\n {4}([A-Z]{4}-[A-Z]{4})\\n").matcher(err);
        assertThat(matcher.find()).as(err).isTrue();
        return matcher.group(1);
    }

    private java.net.http.HttpResponse<String> decide(dev.plate.support.HttpSession browser, String code,
            String decision) {
        var page = browser.get("http://localhost:" + port + "/cli-login/device?code=" + code);
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return browser.postForm("http://localhost:" + port + "/cli-login/device", Map.of("code", code, "decision",
                decision, "_csrf", csrf.group(1)));
    }

    /** A CI token from the command line: made, used as PLATE_TOKEN, listed without its secret, revoked. */
    @Test
    void a_token_for_ci_is_made_used_and_revoked_without_the_browser() throws Exception {
        assertThat(login(PlateTest.ADMIN_PASSWORD + "\n", "login", "http://localhost:" + port, "-u", "admin",
                "--password-stdin").exit()).isZero();

        var created = plate("token", "create", "ci-e2e", "--days", "7");
        assertThat(created.exit()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).startsWith("plate_");
        assertThat(created.err()).contains("shown only now");
        var ci = Map.of("PLATE_TOKEN", token, "PLATE_URL", "http://localhost:" + port);
        assertThat(plate(ci, null, "whoami").out()).contains("admin");
        var listed = plate("token", "list", "-o", "json");
        assertThat(listed.out()).contains("ci-e2e").doesNotContain(token);
        long id = JSON.readTree(listed.out()).valueStream().filter(t -> t.path("name").asString().equals("ci-e2e"))
                .findFirst().orElseThrow().path("id").asLong();

        assertThat(plate("token", "revoke", String.valueOf(id)).exit()).isZero();

        assertRefused(plate(ci, null, "whoami"), 3, "unknown, revoked or expired");
    }

    /** An admin runs accounts from the command line: create (password printed once), role, disable, list. */
    @Test
    void an_admin_manages_accounts_from_the_command_line() throws Exception {
        assertThat(login(PlateTest.ADMIN_PASSWORD + "\n", "login", "http://localhost:" + port, "-u", "admin",
                "--password-stdin").exit()).isZero();
        String name = "cli" + Long.toString(System.nanoTime(), 36);

        var created = plate("user", "create", name, "--role", "developer");
        assertThat(created.exit()).as(created.err()).isZero();
        String password = created.out().strip();
        assertThat(plate("user", "role", name, "maintainer").out()).contains(name + " is now maintainer.");
        assertThat(plate("user", "list", "-o", "json").out()).contains("\"" + name + "\"").contains("MAINTAINER");
        assertRefused(plate("user", "role", name, "superuser"), 2, "not a role");
        assertThat(plate("user", "disable", name).exit()).isZero();

        Path other = Files.createDirectories(home.resolve("other-" + name));
        var refused = plate(Map.of("XDG_CONFIG_HOME", other.toString()), password + "\n", "login",
                "http://localhost:" + port, "-u", name, "--password-stdin");
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(plate("user", "enable", name).exit()).isZero();
        assertThat(plate(Map.of("XDG_CONFIG_HOME", other.toString()), password + "\n", "login",
                "http://localhost:" + port, "-u", name, "--password-stdin").out()).contains("as " + name + " (MAINTAINER)");
    }

    /**
     * Teams from the command line: a Plate-wide viewer who develops in a team imports into it with --team and deploys;
     * promoting needs a maintainer there, and the refusal says so; plate teams shows who owns what.
     */
    @Test
    void a_team_developer_imports_into_the_team_and_is_refused_what_only_its_maintainers_may() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String team = "cli-" + suffix;
        String developer = "teamdev" + suffix;
        String name = "cliteam" + suffix;
        dev.plate.support.SignIn.as(securityContext, "admin", dev.plate.security.Role.ADMIN);
        try {
            users.createUser(new dev.plate.security.NewUser(developer, "", dev.plate.security.Role.VIEWER,
                    "a-long-enough-password-1"));
            teams.create(team, "");
            teams.setMember(team, developer, dev.plate.security.Role.DEVELOPER);
        } finally {
            securityContext.clearContext();
        }
        assertThat(login("a-long-enough-password-1\n", "login", "http://localhost:" + port, "-u", developer,
                "--password-stdin").exit()).isZero();

        assertRefused(plate("import", sampleProject(name).toString()), 3, "needs the DEVELOPER role");
        var imported = plate("import", sampleProject(name).toString(), "--team", team);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(plate("deploy", name, "--env", "dev", "--image", "1.1.0").exit()).isZero();
        assertRefused(plate("promote", name, "--from", "dev", "--to", "staging"), 3,
                "needs the MAINTAINER role in team " + team + " (you have DEVELOPER there)");

        var listed = plate("teams");
        assertThat(listed.out()).contains(team).contains(developer + ":DEVELOPER").contains(name);
        assertThat(plate("projects", "-q", name).out()).contains("TEAM").contains(team);
    }

    /**
     * In an environment whose changes wait for an approval: {@code plate deploy --wait} answers with a request and
     * waits through it; the requester cannot approve it; a maintainer of the team approves with {@code plate
     * approve}, the change is committed and Argo CD's outcome ends the wait. A rejection ends the next wait with why.
     */
    @Test
    void a_deploy_waits_through_its_approval_and_a_rejection_ends_the_wait() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String team = "rel-" + suffix;
        String developer = "reldev" + suffix;
        String maintainer = "relops" + suffix;
        String name = "relapp" + suffix;
        String url = "http://localhost:" + port;
        String prod = jdbc.queryForObject("select name from environment order by position desc limit 1", String.class);
        dev.plate.support.SignIn.as(securityContext, "admin", dev.plate.security.Role.ADMIN);
        try {
            for (String user : List.of(developer, maintainer)) {
                users.createUser(new dev.plate.security.NewUser(user, "", dev.plate.security.Role.VIEWER,
                        "a-long-enough-password-1"));
            }
            teams.create(team, "");
            teams.setMember(team, developer, dev.plate.security.Role.DEVELOPER);
            teams.setMember(team, maintainer, dev.plate.security.Role.MAINTAINER);
        } finally {
            securityContext.clearContext();
        }
        String admin = loginToken("admin", PlateTest.ADMIN_PASSWORD);
        var policy = api("PUT", "/api/v1/environments/" + prod + "/approvals", admin, "{\"required\": 1, "
                + "\"approverRole\": \"MAINTAINER\"}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        assertThat(policy.body()).contains("\"required\":1");
        try {
            assertThat(login("a-long-enough-password-1\n", "login", url, "-u", developer, "--password-stdin").exit())
                    .isZero();
            assertThat(plate("import", sampleProject(name).toString(), "--team", team).exit()).isZero();
            var ops = Map.of("PLATE_TOKEN", loginToken(maintainer, "a-long-enough-password-1"), "PLATE_URL", url);

            var waiting = start("deploy", name, prod, "--image", "2.0.0", "--wait", "--timeout", "2m");
            String asked = awaitOutput(waiting, "waits for 1 approval");
            var number = java.util.regex.Pattern.compile("Request #(\\d+)").matcher(asked);
            assertThat(number.find()).as(asked).isTrue();
            String id = number.group(1);
            assertThat(waiting.isAlive()).as("waiting for the approval").isTrue();
            assertThat(plate(ops, null, "requests", "--mine").out()).contains("#" + id).contains(developer)
                    .contains("may decide");
            assertThat(plate(ops, null, "approve", id, "--show").out()).contains("-  tag: \"latest\"")
                    .contains("+  tag: \"2.0.0\"").contains("unchanged lines @@");
            assertRefused(plate("approve", id), 3, "You asked for this change");
            long before = lastDeployment(name, prod).id();

            var approved = plate(ops, null, "approve", "#" + id, "-m", "ship it");

            assertThat(approved.exit()).as(approved.err()).isZero();
            assertThat(approved.out()).contains("committed as deployment #");
            var row = awaitNewDeployment(name, prod, before);
            cluster.progressing(name + "-" + prod, row.commit());
            cluster.healthy(name + "-" + prod, row.commit());
            var done = finish(waiting);
            assertThat(done.exit()).as(done.err()).isZero();
            assertThat(done.out()).contains("Succeeded");
            assertThat(done.err()).contains("Request #" + id + " approved and committed as deployment #" + row.id());
            assertThat(repository.history(List.of("applications/" + name + "/" + prod)).getLast().message())
                    .contains("approved by " + maintainer + " (request #" + id + ")");

            var second = start("deploy", name, prod, "--image", "3.0.0", "--wait");
            String next = awaitOutput(second, "waits for 1 approval");
            var nextId = java.util.regex.Pattern.compile("Request #(\\d+)").matcher(next);
            assertThat(nextId.find()).isTrue();
            assertRefused(plate(ops, null, "reject", nextId.group(1)), 2, "Say why with -m");
            assertThat(plate(ops, null, "reject", nextId.group(1), "-m", "not during the sale").exit()).isZero();
            var rejected = finish(second);
            assertThat(rejected.exit()).isEqualTo(5);
            assertThat(rejected.err()).contains("was rejected: Rejected by " + maintainer + ": not during the sale")
                    .contains("Nothing was committed");
            var noWait = plate("deploy", name, prod, "--image", "4.0.0");
            assertThat(noWait.exit()).as("asked, not deployed: a script must not go on").isEqualTo(8);
            assertThat(noWait.out()).contains("waits for 1 approval");
        } finally {
            api("PUT", "/api/v1/environments/" + prod + "/approvals", admin, "{\"required\": 0}");
        }
    }

    private String loginToken(String user, String password) {
        var answer = api("POST", "/api/v1/login", null, "{\"username\": \"" + user + "\", \"password\": \""
                + password + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("token").asString();
    }

    private java.net.http.HttpResponse<String> api(String method, String path, String token, String json) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An administrator runs teams from the command line; anyone else is refused, and bad input changes nothing. */
    @Test
    void an_admin_manages_teams_from_the_command_line() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String team = "ops-" + suffix;
        String member = "opsdev" + suffix;
        assertThat(login(PlateTest.ADMIN_PASSWORD + "\n", "login", "http://localhost:" + port, "-u", "admin",
                "--password-stdin").exit()).isZero();
        assertThat(plate("user", "create", member, "--role", "viewer").exit()).isZero();

        assertThat(plate("team", "create", team, "--display-name", "Operations").out()).contains("Team " + team
                + " created");
        assertThat(plate("team", "add", team, member, "--role", "maintainer").exit()).isZero();
        assertThat(plate("team", "map", team, "/ops", "--role", "developer").out()).contains("Group /ops is developer");
        assertRefused(plate("team", "add", team, member, "--role", "admin"), 2, "not a role in a team");
        assertRefused(plate("team", "create", "Bad Team"), 2, "lowercase letters, digits and '-'");
        assertRefused(plate("team", "add", team, "nobody-" + suffix, "--role", "viewer"), 2, "There is no user named");
        var listed = plate("teams", "-o", "json");
        assertThat(listed.out()).contains(team).contains(member).contains("/ops").contains("MAINTAINER");

        assertThat(plate("team", "unmap", team, "/ops").exit()).isZero();
        assertThat(plate("team", "remove", team, member).exit()).isZero();
        assertThat(plate("team", "delete", team).exit()).isZero();
        assertThat(plate("teams").out()).doesNotContain(team);

        Path other = Files.createDirectories(home.resolve("teams-" + suffix));
        var viewer = Map.of("XDG_CONFIG_HOME", other.toString());
        String password = plate("user", "reset-password", member).out().strip();
        assertThat(plate(viewer, password + "\n", "login", "http://localhost:" + port, "-u", member,
                "--password-stdin").exit()).isZero();
        assertRefused(plate(viewer, null, "team", "create", "mine-" + suffix), 3, "");
    }

    /** Two services of one repository (a monorepo) are two projects, each named after its directory. */
    @Test
    void services_of_one_repository_import_as_projects_of_their_own() throws Exception {
        var login = login(PlateTest.ADMIN_PASSWORD + "\n", "login", "http://localhost:" + port, "-u", "admin",
                "--password-stdin");
        assertThat(login.exit()).isZero();
        String repo = "mono" + Long.toString(System.nanoTime(), 36);
        Path checkout = sampleProject(repo);
        for (String service : List.of("billing-" + repo, "search-" + repo)) {
            Path dir = Files.createDirectories(checkout.resolve("services").resolve(service));
            Files.copy(checkout.resolve("Dockerfile"), dir.resolve("Dockerfile"));

            var imported = plate("import", dir.toString());

            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(repository.read("applications/" + service + "/project.yaml").map(String::new).orElseThrow())
                    .contains("ghcr.io/acme/" + repo + "/" + service)
                    .contains("https://github.com/acme/" + repo + ".git");
        }
    }

    /**
     * What runs, read through the CLI from Plate and the double of Argo CD's API server: the resource tree, the
     * events, the logs (merged, one pod, the crashed container's, followed), why a deployment failed, and the logs
     * refused to a viewer.
     */
    @Test
    void what_runs_end_to_end() throws Exception {
        assertThat(login(PlateTest.ADMIN_PASSWORD + "\n", "login", "http://localhost:" + port, "-u", "admin",
                "--password-stdin").exit()).isZero();
        String name = "runs" + Long.toString(System.nanoTime(), 36);
        assertThat(plate("import", sampleProject(name).toString()).exit()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(name + "-dev") != null);
        var app = argoCd.app(name + "-dev").deployment(name, name + "-dev", "ghcr.io/acme/" + name + ":latest", 2)
                .service(name, name + "-dev");
        String running = app.pods(name).get(0);
        String crashing = app.pods(name).get(1);
        app.pod(running).log(name, "started", "listening on :3000");
        app.pod(crashing).crashLoopBackOff(3).previousLog(name, "connecting to postgres://db:5432",
                "panic: missing DATABASE_URL");
        app.event("Pod", crashing, "Warning", "BackOff", "Back-off restarting failed container " + name + " in pod "
                + crashing);

        // resources: the tree under its owners, each pod with its state; as JSON with the pods
        var resources = plate("resources", name, "dev");
        assertThat(resources.exit()).as(resources.err()).isZero();
        assertThat(resources.out().lines()).anySatisfy(line -> assertThat(line).startsWith("Deployment ")
                .contains(" " + name + " "))
                .anySatisfy(line -> assertThat(line).startsWith("└─ReplicaSet ").contains(name + "-"))
                .anySatisfy(line -> assertThat(line).matches("  [├└]─Pod .*").contains(running, "Running", "1/1"))
                .anySatisfy(line -> assertThat(line).matches("  [├└]─Pod .*").contains(crashing, "CrashLoopBackOff",
                        "0/1", " 3 "))
                .anySatisfy(line -> assertThat(line).startsWith("Service ").contains(" " + name + " "));
        JsonNode tree = JSON.readTree(plate("resources", name, "dev", "-o", "json").out());
        assertThat(tree.path("resources").valueStream().filter(r -> r.path("kind").asString().equals("Pod"))
                .map(r -> r.path("name").asString() + " " + r.path("status").asString()))
                .containsExactlyInAnyOrder(running + " Running", crashing + " CrashLoopBackOff");

        // events: the warning the cluster recorded
        var events = plate("events", name, "dev");
        assertThat(events.exit()).as(events.err()).isZero();
        assertThat(events.out().lines()).anySatisfy(line -> assertThat(line).contains("Warning", "BackOff",
                "pod/" + crashing, "Back-off restarting failed container"));

        // logs: every pod's lines prefixed with it; one pod's without; the crashed container's previous run
        var logs = plate("logs", name, "dev", "--tail", "5");
        assertThat(logs.exit()).as(logs.err()).isZero();
        assertThat(logs.out().lines()).contains("[" + running + "] started", "[" + running + "] listening on :3000",
                "[" + crashing + "] panic: missing DATABASE_URL");
        assertThat(plate("logs", name, "dev", "--pod", running).out().lines())
                .containsExactly("started", "listening on :3000");
        assertThat(plate("logs", name, "dev", "--previous", "--pod", crashing).out().lines())
                .containsExactly("connecting to postgres://db:5432", "panic: missing DATABASE_URL");
        assertRefused(plate("logs", name, "dev", "--since", "soon"), 2, "--since");

        // logs -f: a line written now reaches the terminal; once the command is gone, so is Argo CD's stream
        int streamsBefore = argoCd.openLogStreams();
        int hangUpsBefore = argoCd.closedLogStreams();
        var follow = start("logs", name, "dev", "-f", "--pod", running);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> argoCd.openLogStreams() > streamsBefore);
            argoCd.emit(name + "-dev", running, name, "order 42 paid");
            assertThat(awaitOutput(follow, "order 42 paid\n").lines())
                    .containsExactly("started", "listening on :3000", "order 42 paid");
        } finally {
            follow.destroy();
        }
        assertThat(follow.waitFor(10, TimeUnit.SECONDS)).isTrue();
        outputs.remove(follow);

        // deploy --wait into a crash loop: exit 5, then why, from the pods, the events and the crashed run's log
        long before = lastDeployment(name, "dev").id();
        var broken = start("deploy", name, "--env", "dev", "--image", "9.9.9", "--wait");
        var row = awaitNewDeployment(name, "dev", before);
        cluster.degraded(name + "-dev", row.commit(), "Deployment " + name + " exceeded its progress deadline");
        var failed = finish(broken);
        assertThat(failed.exit()).as(failed.out() + failed.err()).isEqualTo(5);
        assertThat(failed.err()).contains("error: Deployment #" + row.id() + " to dev failed", "Why it failed:",
                "Pod " + crashing + " CrashLoopBackOff (restarted 3 times)", "Warning BackOff on Pod " + crashing,
                crashing + " (previous): panic: missing DATABASE_URL").doesNotContain("\tat ");

        // a viewer sees what runs but is refused the logs, told which role reads them
        String viewer = "viewer" + Long.toString(System.nanoTime(), 36);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        users.createUser(new NewUser(viewer, "Vi", Role.VIEWER, "a-long-enough-password-1"));
        securityContext.clearContext();
        var viewing = Map.of("XDG_CONFIG_HOME", Files.createDirectories(home.resolve("viewer-" + viewer)).toString());
        assertThat(plate(viewing, "a-long-enough-password-1\n", "login", "http://localhost:" + port, "-u", viewer,
                "--password-stdin").exit()).isZero();
        assertThat(plate(viewing, null, "resources", name, "dev").exit()).isZero();
        assertRefused(plate(viewing, null, "logs", name, "dev"), 3, "needs the DEVELOPER role");

        // (checked last, as it takes a while: Plate notices the gone reader at its next keep-alive, 15 s, and closes
        // Argo CD's stream when nobody has read it for plate.logs.idle-timeout, 30 s)
        await().atMost(Duration.ofSeconds(90)).until(() -> argoCd.openLogStreams() <= streamsBefore);
        assertThat(argoCd.closedLogStreams()).as("Argo CD saw Plate hang up").isGreaterThan(hangUpsBefore);
        argoCd.assertEveryRequestMatchesArgoCdApi();
    }

    private void assertRefused(Run run, int exit, String message) {
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(exit);
        assertThat(run.err()).startsWith("error: ").contains(message).doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    /** A directory as a developer has it: a git checkout with a GitHub remote and a Dockerfile. */
    private static Path sampleProject(String name) throws IOException {
        Path dir = Files.createDirectories(home.resolve("projects").resolve(name));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "[remote \"origin\"]\n\turl = https://github.com/acme/" + name
                + ".git\n");
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM node:22 AS build
                COPY . .
                RUN npm ci && npm run build
                FROM node:22-slim
                ENV PORT=3000
                EXPOSE $PORT
                HEALTHCHECK --interval=10s CMD wget -qO- http://localhost:3000/healthz || exit 1
                CMD ["node", "server.js"]
                """);
        return dir;
    }

    private record Row(long id, String commit) {}

    private Row lastDeployment(String project, String env) {
        return jdbc.query("select d.id, d.to_revision from deployment d join project p on p.id = d.project_id "
                + "join environment e on e.id = d.environment_id where p.name = ? and e.name = ? order by d.id desc",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2)), project, env).get(0);
    }

    private Row awaitNewDeployment(String project, String env, long after) {
        await().atMost(Duration.ofSeconds(30)).until(() -> lastDeployment(project, env).id() > after);
        return lastDeployment(project, env);
    }

    /** Acts as Argo CD's controller once the CLI's deployment is committed; returns its commit. */
    private String reportHealthy(String project, String env, Process waiting) {
        long before = lastDeployment(project, env).id();
        var row = awaitNewDeployment(project, env, before);
        assertThat(waiting.isAlive()).as("--wait waits for Argo CD").isTrue();
        cluster.progressing(project + "-" + env, row.commit());
        cluster.healthy(project + "-" + env, row.commit());
        return row.commit();
    }

    private String text(String path) {
        return new String(repository.read(path).orElseThrow(), StandardCharsets.UTF_8);
    }

    private Run plate(String... args) throws Exception {
        return plate(Map.of(), null, args);
    }

    private Run login(String stdin, String... args) throws Exception {
        return plate(Map.of(), stdin, args);
    }

    private Run plate(Map<String, String> env, String stdin, String... args) throws Exception {
        var process = start(env, stdin, args);
        return finish(process);
    }

    private Process start(String... args) throws IOException {
        return start(Map.of(), null, args);
    }

    private Process start(Map<String, String> env, String stdin, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().remove("PLATE_URL");
        builder.environment().remove("PLATE_TOKEN");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(home, "out", ".txt");
        builder.redirectOutput(out.toFile());
        builder.redirectError(Files.createTempFile(home, "err", ".txt").toFile());
        var process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        outputs.put(process, new Path[] {out, builder.redirectError().file().toPath()});
        return process;
    }

    private final Map<Process, Path[]> outputs = new java.util.concurrent.ConcurrentHashMap<>();

    /** The process's standard output once it contains {@code expected}, read as it grows. */
    private String awaitOutput(Process process, String expected) {
        Path out = outputs.get(process)[0];
        return await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(out),
                text -> text.contains(expected) || !process.isAlive());
    }

    /** The process's standard error once it contains {@code expected}, read as it grows. */
    private String awaitError(Process process, String expected) {
        Path err = outputs.get(process)[1];
        return await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(err),
                text -> text.contains(expected) || !process.isAlive());
    }

    private Run finish(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI finishes").isTrue();
        Path[] files = outputs.remove(process);
        return new Run(process.exitValue(), Files.readString(files[0]), Files.readString(files[1]));
    }
}
