package dev.plate.deployment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.Chromium;
import dev.plate.support.PlateTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser, the open project page changes when Argo CD reports, without a reload: Vaadin push from a
 * background thread, with the user's security context for the services the redraw calls.
 */
@ArgoCdTest
class LiveStatusBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ArgoCdCluster cluster = ArgoCdCluster.shared();
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_project_page_shows_argo_cds_report_as_it_happens() throws IOException {
        browser = Chromium.start(1280, 900);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.signIn(browser, port, "admin", PlateTest.ADMIN_PASSWORD);

        String project = "live-" + Long.toString(System.nanoTime(), 36);
        browser.get("http://localhost:" + port + "/projects/import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-name input")));
        browser.findElement(By.cssSelector("#import-name input")).sendKeys(project);
        browser.findElement(By.cssSelector("#import-image input")).sendKeys("ghcr.io/acme/" + project);
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Import']")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/projects/" + project));
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(project + "-dev") != null);
        String commit = jdbc.queryForObject("select d.to_revision from deployment d join project p on p.id = d.project_id"
                + " join environment e on e.id = d.environment_id where p.name = ? and e.name = 'dev'", String.class, project);

        cluster.progressing(project + "-dev", commit);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-environment=dev]"),
                "Progressing"));
        screenshot("project-progressing");
        cluster.healthy(project + "-dev", commit);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-environment=dev]"),
                "Succeeded"));

        String card = browser.findElement(By.cssSelector("[data-environment=dev]")).getText();
        assertThat(card).contains("Synced", "Healthy", "Deployment #", "Succeeded");
        screenshot("project-live");
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
