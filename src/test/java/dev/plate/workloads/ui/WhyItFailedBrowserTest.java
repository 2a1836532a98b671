package dev.plate.workloads.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.history.DeploymentRecord;
import dev.plate.history.DeploymentState;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdServerDouble;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.Chromium;
import dev.plate.support.FakeArgoCdServer;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The issue's journey in a real browser: a deployment fails, and the developer sees why without leaving Plate, at a
 * laptop's size and a phone's: the evidence in the deployment's detail, the crashing pod in Resources, its log in Logs.
 */
@ArgoCdTest
class WhyItFailedBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DeploymentService deployments;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final ArgoCdCluster cluster = ArgoCdCluster.shared();
    final FakeArgoCdServer argoCd = ArgoCdServerDouble.shared();
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_failed_deployment_says_why_in_the_browser() throws IOException {
        String project = "why-" + Long.toString(System.nanoTime(), 36);
        var failed = failedDeployment(project);
        for (int[] size : List.of(new int[] {1280, 800}, new int[] {390, 844})) {
            String tag = size[0] > 500 ? "laptop" : "phone";
            browser = Chromium.start(size[0], size[1]);
            var wait = Chromium.waitFor(browser);
            Chromium.signIn(browser, port, "admin", PlateTest.ADMIN_PASSWORD);
            browser.get("http://localhost:" + port + "/projects/" + project + "/dev");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Failed"));
            // The grid renders its rows after the page shows: the row is looked for until it is there.
            wait.until(driver -> driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().contains("#" + failed.id())).findFirst()
                    .map(cell -> {
                        cell.click();
                        return true;
                    }).orElse(null));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deployment-evidence"),
                    "CrashLoopBackOff"));
            String evidence = browser.findElement(By.id("deployment-evidence")).getText();
            assertThat(evidence).contains("Why it failed", "restarted 5 times", "Warning BackOff",
                    "panic: missing DATABASE_URL");
            screenshot("why-it-failed-" + tag);
            assertThat(overflows()).as("no sideways scrolling, " + tag).isFalse();
            browser.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();

            tab(wait, "Resources");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".plate-resources"),
                    "CrashLoopBackOff"));
            screenshot("why-resources-" + tag);
            assertThat(overflows()).as("no sideways scrolling in Resources, " + tag).isFalse();
            tab(wait, "Logs");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("logs-output"), "listening on"));
            screenshot("why-logs-" + tag);
            assertThat(overflows()).as("no sideways scrolling in Logs, " + tag).isFalse();
            browser.quit();
            browser = null;
        }
    }

    private DeploymentRecord failedDeployment(String project) {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                    "/healthz", List.of()), "1.0.0"));
            var app = argoCd.app(project + "-dev").deployment(project, project + "-dev", "ghcr.io/acme/" + project
                    + ":1.1.0", 2).service(project, project + "-dev");
            String crashing = app.pods(project).getFirst();
            app.pod(crashing).crashLoopBackOff(5).previousLog(project, "connecting to postgres://db:5432/shop",
                    "panic: missing DATABASE_URL");
            app.pod(app.pods(project).getLast()).log(project, "listening on :8080");
            app.event("Pod", crashing, "Warning", "BackOff", "Back-off restarting failed container " + project
                    + " in pod " + crashing);
            var deployment = deployments.deploy(DeployRequest.image(project, "dev", "1.1.0"));
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(project + "-dev") != null);
            cluster.degraded(project + "-dev", deployment.toRevision(), "Deployment " + project
                    + " exceeded its progress deadline");
            await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> deployments.deployment(deployment.id()).state()
                    == DeploymentState.FAILED);
            return deployment;
        } finally {
            securityContext.clearContext();
        }
    }

    /** On a phone the tabs scroll sideways, as a person swipes them: bring the tab into view first. */
    private void tab(WebDriverWait wait, String label) {
        var tab = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-tab[normalize-space()='"
                + label + "']")));
        browser.executeScript("arguments[0].scrollIntoView({inline: 'center'})", tab);
        wait.until(ExpectedConditions.elementToBeClickable(tab)).click();
    }

    private boolean overflows() {
        return (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
