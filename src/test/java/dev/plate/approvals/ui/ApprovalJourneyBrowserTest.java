package dev.plate.approvals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.deployment.ImportRequest;
import dev.plate.environment.ApprovalPolicy;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSettings;
import dev.plate.project.NewProject;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.Chromium;
import dev.plate.support.SignIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The issue's journey in real Chromium, at a laptop's size and a phone's: a developer asks for a prod deployment on
 * the project page, a maintainer finds it on the dashboard, reads the diff and approves it, Argo CD deploys it and
 * the project page shows it succeeded; the team's chat hears of the request and of the outcome. Screenshots:
 * target/screenshots/approval-*.png.
 */
@ArgoCdTest
class ApprovalJourneyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DeploymentService deployments;
    @Autowired
    EnvironmentAdministration administration;
    @Autowired
    EnvironmentService environments;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    dev.plate.notifications.NotificationChannels channels;

    final ArgoCdCluster cluster = ArgoCdCluster.shared();
    final List<ChromeDriver> browsers = new ArrayList<>();
    final String suffix = Long.toString(System.nanoTime(), 36);
    final String project = "journey-" + suffix;
    final String developer = "dee-" + suffix;
    final String maintainer = "max-" + suffix;
    String prod;

    final dev.plate.notifications.Receiver chat = new dev.plate.notifications.Receiver(0);

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
        chat.close();
        asAdmin(() -> {
            policy(ApprovalPolicy.NONE);
            deployments.deleteProject(project, project);
            channels.delete("chat-" + suffix);
            return null;
        });
    }

    @Test
    void a_developer_asks_a_maintainer_approves_from_the_dashboard_and_prod_runs_it() throws IOException {
        prod = environments.list().getLast().name();
        asAdmin(() -> {
            users.createUser(new NewUser(developer, "Dee", Role.DEVELOPER, "a-long-enough-password-1"));
            users.createUser(new NewUser(maintainer, "Max", Role.MAINTAINER, "a-long-enough-password-1"));
            deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                    "/", List.of()), "1.0.0"));
            policy(new ApprovalPolicy(1, Role.MAINTAINER, false, false, Duration.ofHours(24)));
            channels.create(new dev.plate.notifications.NotificationChannels.NewChannel("chat-" + suffix,
                    dev.plate.notifications.NotificationChannels.Kind.SLACK, chat.url("/chat"),
                    java.util.Optional.empty(), java.util.Set.of("request.created", "deployment.succeeded"),
                    java.util.Optional.of(project), java.util.Optional.of(prod), java.util.Optional.empty()));
            return null;
        });
        String tag = "1.0.0";
        for (int[] size : List.of(new int[] {1280, 800}, new int[] {390, 844})) {
            String screen = size[0] > 500 ? "laptop" : "phone";
            tag = screen.equals("laptop") ? "2.0.0" : "3.0.0";

            var dee = browser(size);
            var wait = Chromium.waitFor(dee);
            Chromium.signIn(dee, port, developer, "a-long-enough-password-1");
            dee.get("http://localhost:" + port + "/projects/" + project);
            Chromium.click(wait, By.xpath("//div[@data-environment='" + prod
                    + "']//vaadin-button[normalize-space()='Deploy']"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#deploy-tag input")))
                    .sendKeys(tag);
            assertThat(dee.findElement(By.tagName("body")).getText()).contains("wait for 1 approval");
            screenshot(dee, "approval-ask-" + screen);
            Chromium.click(wait, By.xpath("//vaadin-button[normalize-space()='Request deployment to " + prod + "']"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Waiting for approval"));
            long id = jdbc.queryForObject("select max(id) from deployment_request where project = ?", Long.class,
                    project);
            screenshot(dee, "approval-asked-" + screen);

            var max = browser(size);
            var waitMax = Chromium.waitFor(max);
            Chromium.signIn(max, port, maintainer, "a-long-enough-password-1");
            waitMax.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Waiting for your approval"));
            screenshot(max, "approval-dashboard-" + screen);
            Chromium.click(waitMax, By.id("request-review-" + id));
            waitMax.until(ExpectedConditions.presenceOfElementLocated(By.id("request-approve")));
            assertThat(max.findElement(By.tagName("body")).getText()).contains("+   tag: \"" + tag
                    + "\"");
            screenshot(max, "approval-review-" + screen);
            max.findElement(By.cssSelector("#request-comment textarea")).sendKeys("ship it", Keys.TAB);
            Chromium.click(waitMax, By.id("request-approve"));
            waitMax.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "approved and committed as deployment #"));

            // Argo CD deploys the approved commit.
            String commit = jdbc.queryForObject("select d.to_revision from deployment d join deployment_request r on "
                    + "r.deployment_id = d.id where r.id = ?", String.class, id);
            cluster.progressing(project + "-" + prod, commit);
            cluster.healthy(project + "-" + prod, commit);
            max.get("http://localhost:" + port + "/projects/" + project);
            waitMax.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//div[@data-environment='"
                    + prod + "']"), tag));
            String card = Chromium.textOf(waitMax, By.xpath("//div[@data-environment='" + prod + "']"));
            assertThat(card).contains(tag).contains("by " + developer);
            waitMax.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//div[@data-environment='"
                    + prod + "']"), "Succeeded"));
            screenshot(max, "approval-done-" + screen);
            String deployed = tag;
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> chat.at("/chat").stream()
                    .anyMatch(message -> message.body().contains("to " + prod + " succeeded (image " + deployed)));
            assertThat(chat.at("/chat").stream().map(message -> message.body()).toList())
                    .anyMatch(text -> text.contains(developer + " asks: deploy " + project + " to " + prod));
        }
        assertThat(jdbc.queryForObject("select count(*) from deployment_request where project = ? and state = "
                + "'COMMITTED'", Integer.class, project)).isEqualTo(2);
    }

    private ChromeDriver browser(int[] size) throws IOException {
        var browser = Chromium.start(size[0], size[1]);
        browsers.add(browser);
        return browser;
    }

    private void policy(ApprovalPolicy policy) {
        administration.update(prod, EnvironmentSettings.of(environments.find(prod).orElseThrow())
                .withApprovals(policy));
    }

    private <T> T asAdmin(Supplier<T> action) {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            return action.get();
        } finally {
            securityContext.clearContext();
        }
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
