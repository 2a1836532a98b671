package dev.plate.projects.ui;

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
        var wait = Chromium.waitFor(browser);
        Chromium.signIn(browser, port, "admin", PlateTest.ADMIN_PASSWORD);

        String project = "live-" + Long.toString(System.nanoTime(), 36);
        browser.get("http://localhost:" + port + "/projects/import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-name input")));
        browser.findElement(By.cssSelector("#import-name input")).sendKeys(project);
        browser.findElement(By.cssSelector("#import-image input")).sendKeys("ghcr.io/acme/" + project);
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Import']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-open"))).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/projects/" + project));
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(project + "-dev") != null);
        String commit = jdbc.queryForObject("select d.to_revision from deployment d join project p on p.id = d.project_id"
                + " join environment e on e.id = d.environment_id where p.name = ? and e.name = 'dev'", String.class, project);

        cluster.progressing(project + "-dev", commit);
        waitInCard(wait, "dev", "Progressing");
        screenshot("project-progressing");
        cluster.healthy(project + "-dev", commit);
        waitInCard(wait, "dev", "Succeeded");

        String card = Chromium.textOf(wait, By.cssSelector("[data-environment=dev]"));
        assertThat(card).contains("Synced", "Healthy", "Deployment #", "Succeeded");
        screenshot("project-live");
    }

    /**
     * The issue's main journey in a real browser: import, deploy to dev (with the preview), see it become healthy
     * as the test reports for Argo CD, promote to staging (seeing what changes), roll staging back (seeing what is
     * restored); the pages fit a laptop and a phone without sideways scrolling.
     */
    @Test
    void import_deploy_promote_and_roll_back_in_the_browser() throws IOException {
        browser = Chromium.start(1280, 800);
        var wait = Chromium.waitFor(browser);
        Chromium.signIn(browser, port, "admin", PlateTest.ADMIN_PASSWORD);
        String project = "journey-" + Long.toString(System.nanoTime(), 36);
        browser.get("http://localhost:" + port + "/projects/import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-name input")));
        browser.findElement(By.cssSelector("#import-name input")).sendKeys(project);
        browser.findElement(By.cssSelector("#import-image input")).sendKeys("ghcr.io/acme/" + project);
        var tag = browser.findElement(By.cssSelector("#import-tag input"));
        tag.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "1.0.0");
        click(wait, "Import");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Committed "));
        screenshot("journey-imported");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-open"))).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/projects/" + project));

        // Deploy 1.1.0 to dev, previewing the commit first.
        clickInCard(wait, "dev", "Deploy");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deploy-tag input")))
                .sendKeys("1.1.0");
        click(wait, "Preview");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".plate-diff"), "+   tag: \"1.1.0\""));
        screenshot("journey-deploy-preview");
        click(wait, "Deploy to dev");
        waitInCard(wait, "dev", "1.1.0");
        String devCommit = newest(project, "dev");
        cluster.healthy(project + "-dev", devCommit);
        waitInCard(wait, "dev", "Succeeded");

        // Promote to staging: the dialog says what staging gets.
        clickInCard(wait, "dev", "Promote to staging");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".plate-diff"), "+   tag: \"1.1.0\""));
        screenshot("journey-promote");
        click(wait, "Promote to staging");
        waitInCard(wait, "staging", "promote by admin");
        cluster.healthy(project + "-staging", newest(project, "staging"));
        waitInCard(wait, "staging", "Succeeded");

        // Roll staging back: the dialog says what is restored.
        clickInCard(wait, "staging", "Roll back");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".plate-diff"), "+   tag: \"1.0.0\""));
        screenshot("journey-rollback");
        click(wait, "Roll back");
        waitInCard(wait, "staging", "rollback by admin");
        assertThat(Chromium.textOf(wait, By.cssSelector("[data-environment=staging]"))).contains("1.0.0");
        screenshot("journey-project");
        assertThat(overflows()).as("no sideways scrolling at 1280x800").isFalse();

        // A phone's width is emulated (headless Chromium's window is never narrower than 500 px).
        browser.quit();
        browser = Chromium.start(390, 844);
        Chromium.signIn(browser, port, "admin", PlateTest.ADMIN_PASSWORD);
        browser.get("http://localhost:" + port + "/projects/" + project);
        waitInCard(Chromium.waitFor(browser), "staging", "rollback by admin");
        screenshot("journey-project-phone");
        assertThat(overflows()).as("no sideways scrolling at 390x844").isFalse();
    }

    /** A button on an environment's card (the page has one per environment with the same labels). */
    private static void clickInCard(WebDriverWait wait, String environment, String label) {
        Chromium.click(wait, By.xpath("//div[@data-environment='" + environment + "']//vaadin-button[normalize-space()='"
                + label + "']"));
    }

    private static void waitInCard(WebDriverWait wait, String environment, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-environment=" + environment + "]"), text));
    }

    /** The visible button with this text (a dialog's, when a card has one of the same name behind it). */
    private void click(WebDriverWait wait, String text) {
        wait.until(driver -> driver.findElements(By.xpath("//vaadin-button[normalize-space()='" + text + "']")).stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed).reduce((first, second) -> second).orElse(null))
                .click();
    }

    private String newest(String project, String env) {
        return jdbc.queryForObject("select d.to_revision from deployment d join project p on p.id = d.project_id join "
                + "environment e on e.id = d.environment_id where p.name = ? and e.name = ? order by d.id desc limit 1",
                String.class, project, env);
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
