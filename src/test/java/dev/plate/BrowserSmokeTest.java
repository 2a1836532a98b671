package dev.plate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.Chromium;
import dev.plate.support.PlateTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Logs in through the real page in a real browser and sees the dashboard. Screenshots: target/screenshots/. */
@PlateTest
class BrowserSmokeTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_admin_logs_in_through_the_real_page_and_sees_the_dashboard() throws IOException {
        browser = Chromium.start(1280, 800);
        var wait = Chromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")));
        screenshot("login");
        browser.findElement(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys("admin");
        browser.findElement(By.cssSelector("vaadin-login-form input[name=password]"))
                .sendKeys(PlateTest.ADMIN_PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "System health"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Not configured"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Dashboard", "Database", "Connected", "Kubernetes / Argo CD", "admin");
        screenshot("dashboard");

        browser.get("http://localhost:" + port + "/admin/users");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "New user"));
        screenshot("users");

        browser.get("http://localhost:" + port + "/admin/teams");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Create team"));
        screenshot("teams");

        browser.get("http://localhost:" + port + "/admin/integrations");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Test connection"));
        screenshot("integrations");

        browser.get("http://localhost:" + port + "/profile");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Access tokens"));
        screenshot("profile");

        browser.get("http://localhost:" + port + "/environments");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Promotion path"));
        screenshot("environments");

        String project = "browser-" + Long.toString(System.nanoTime(), 36);
        browser.get("http://localhost:" + port + "/projects/import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-name input")));
        browser.findElement(By.cssSelector("#import-name input")).sendKeys(project);
        browser.findElement(By.cssSelector("#import-image input")).sendKeys("ghcr.io/acme/" + project);
        var tag = browser.findElement(By.cssSelector("#import-tag input"));
        tag.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1.0.0");
        screenshot("import");
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Import']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-open"))).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/projects/" + project));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "import by admin"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(project, "dev", "staging", "prod");
        screenshot("project");

        // The environment's own page, by its address: the files Argo CD renders.
        browser.get("http://localhost:" + port + "/projects/" + project + "/staging");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), project + " in staging"));
        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Manifests']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "applications/" + project + "/staging/values.yaml"));
        screenshot("environment-manifests");

        // The grid finds it by name; each environment has its badge.
        browser.get("http://localhost:" + port + "/projects");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-text-field input")));
        browser.findElement(By.cssSelector("vaadin-text-field input")).sendKeys(project);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "1 project"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"),
                "Committed; Argo CD not connected"));
        screenshot("projects");

        browser.get("http://localhost:" + port + "/admin/tokens");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Show revoked and expired"));
        screenshot("tokens");

        // The import just made is in the audit log, with the admin who made it.
        browser.get("http://localhost:" + port + "/admin/audit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "project:" + project));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Export CSV", "project.imported");
        screenshot("audit");
    }

    @Test
    void the_dashboard_fits_a_phone_screen() throws IOException {
        browser = Chromium.start(390, 844);
        Chromium.signIn(browser, port, "admin", PlateTest.ADMIN_PASSWORD);

        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        screenshot("dashboard-phone");
        assertThat(overflow).isEqualTo(false);
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
