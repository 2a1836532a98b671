package dev.plate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.Chromium;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Every page, at a laptop's and a phone's size, in a real browser: nothing scrolls sideways (neither the page nor a
 * list inside it), no text in a list or on a button is cut off, and the browser's console stays free of errors.
 * Screenshots: target/screenshots/tour-&lt;page&gt;-&lt;size&gt;.png.
 */
@PlateTest
class EveryPageFitsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DeploymentService deployments;
    @Autowired
    UserService users;
    /** This context's holder: with several test contexts in one JVM the static one may be another's. */
    @Autowired
    SecurityContextHolderStrategy securityContext;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        securityContext.clearContext();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 800, laptop", "390, 844, phone"})
    void every_page_fits_and_nothing_is_cut_off(int width, int height, String size) throws IOException {
        browser = Chromium.start(width, height);
        String project = "tour-payments-" + size + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        deployments.importProject(new ImportRequest(new NewProject(project, "https://git.example.com/payments/" + project,
                "registry.example.com/platform/payments/" + project, 8080, "/healthz", List.of("payments-team")),
                "1.0.0"));
        deployments.deploy(DeployRequest.image(project, "staging", "1.4.2-rc.1-build.20261202"));
        deployments.deploy(DeployRequest.image(project, "staging", "1.4.3"));
        String viewer = "viewer-" + size + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        // Long names, as a shared database's other users have: the list must still fit.
        users.createUser(new NewUser(viewer, "Vera Viewer of the Payments Platform Team, Berlin office",
                Role.VIEWER, "a-long-enough-password-1"));

        Chromium.signIn(browser, port, "admin", PlateTest.ADMIN_PASSWORD);
        var pages = new ArrayList<>(List.of(
                new Page("dashboard", "/", "System health"),
                // Other tests' projects may fill the first page (a shared database): any list will do.
                new Page("projects", "/projects", "Import project"),
                new Page("project", "/projects/" + project, "1.4.3"),
                new Page("environment", "/projects/" + project + "/staging", "1.4.2-rc.1"),
                new Page("import", "/projects/import", "Import"),
                new Page("environments", "/environments", "Promotion path"),
                new Page("users", "/admin/users", viewer),
                new Page("integrations", "/admin/integrations", "Test connection"),
                new Page("audit", "/admin/audit", "project:" + project),
                new Page("tokens", "/admin/tokens", "Show revoked and expired"),
                new Page("profile", "/profile", "Access tokens"),
                new Page("no-project", "/projects/" + project + "-nothing-here", "No project"),
                new Page("not-found", "/no/such/page", "No such page")));
        var problems = new ArrayList<String>();
        for (var page : pages) {
            problems.addAll(visit(page, size));
        }

        problems.addAll(previewADeploy(project, size));
        // The plot below the fold: its dates and counts readable at both sizes (looked at in the screenshot).
        browser.get("http://localhost:" + port + "/");
        Chromium.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".plate-plot-days"))).getText();
        browser.executeScript("document.querySelector('.plate-plot-card').scrollIntoView()");
        problems.addAll(measure("dashboard-plot", size));

        browser.manage().deleteAllCookies();
        Chromium.signIn(browser, port, viewer, "a-long-enough-password-1");
        problems.addAll(visit(new Page("forbidden", "/admin/users", "only for administrators"), size));
        assertThat(browser.findElement(By.tagName("body")).getText()).as("the refusal, inside the app's frame")
                .contains("Not allowed", "Back to the dashboard").doesNotContain("Could not navigate", "View");
        assertThat(browser.findElements(By.cssSelector("vaadin-app-layout vaadin-side-nav"))).isNotEmpty();

        assertThat(problems).as("what does not fit at " + width + "x" + height).isEmpty();
    }

    record Page(String name, String path, String shows) {}

    /** The deploy dialog with its diff, a long values line included: it wraps on a phone, never scrolls sideways. */
    private List<String> previewADeploy(String project, String size) throws IOException {
        var wait = Chromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/projects/" + project);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-environment=staging]")))
                .findElement(By.xpath(".//vaadin-button[normalize-space()='Deploy']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deploy-tag input"))).sendKeys("1.5.0");
        browser.findElement(By.cssSelector("#deploy-values textarea")).sendKeys("env.FEATURE_FLAGS="
                + "checkout-v2,fraud-scoring-shadow-mode,ledger-double-write,payments-latency-budget-enforcement");
        browser.findElements(By.xpath("//vaadin-button[normalize-space()='Preview']")).getLast().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".plate-diff"), "1.5.0"));
        return measure("deploy-preview", size);
    }

    private List<String> visit(Page page, String size) throws IOException {
        browser.get("http://localhost:" + port + page.path());
        Chromium.waitFor(browser).until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), page.shows()));
        // Grids lay their rows out after the first frame: measure once the browser has drawn them.
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));");
        return measure(page.name(), size);
    }

    private List<String> measure(String name, String size) throws IOException {
        screenshot("tour-" + name + "-" + size);
        var problems = new ArrayList<String>();
        @SuppressWarnings("unchecked")
        var found = (List<String>) browser.executeScript(MEASURE);
        found.forEach(problem -> problems.add(name + ": " + problem));
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .forEach(entry -> problems.add(name + ": console error " + entry.getMessage()));
        return problems;
    }

    /**
     * What a person would see as broken: the page or a grid wider than its box, or the text of a grid cell, a
     * badge or a button wider than the room it is given (cut off or ellipsised).
     */
    private static final String MEASURE = """
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) {
              problems.push('the page scrolls sideways by ' + (root.scrollWidth - root.clientWidth) + ' px');
            }
            const all = (node, selector, into) => {
              node.querySelectorAll(selector).forEach(e => into.push(e));
              node.querySelectorAll('*').forEach(e => { if (e.shadowRoot) all(e.shadowRoot, selector, into); });
              return into;
            };
            for (const grid of all(document, 'vaadin-grid', [])) {
              const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
              if (table && table.scrollWidth > table.clientWidth + 1) {
                problems.push('a list scrolls sideways by ' + (table.scrollWidth - table.clientWidth) + ' px');
              }
            }
            for (const block of all(document, '.plate-diff, .plate-yaml', [])) {
              if (block.scrollWidth > block.clientWidth + 1) {
                problems.push('a diff or manifest scrolls sideways by ' + (block.scrollWidth - block.clientWidth) + ' px');
              }
            }
            for (const cell of all(document, 'vaadin-grid-cell-content, .plate-badge, vaadin-button', [])) {
              const box = cell.getBoundingClientRect();
              if (box.width === 0 || cell.closest('vaadin-grid-cell-content[hidden]')) continue;
              if (cell.scrollWidth > cell.clientWidth + 1 && cell.textContent.trim()) {
                problems.push('cut off: "' + cell.textContent.trim().slice(0, 60) + '"');
              }
            }
            return problems;
            """;

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
