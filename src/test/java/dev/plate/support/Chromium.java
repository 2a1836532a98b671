package dev.plate.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its own chromedriver (never a browser a tool downloads). Missing on a
 * developer's machine, the browser tests are skipped with a message; in CI they must run, so there it fails.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Signs in through the real login page and waits for the dashboard. */
    public static void signIn(ChromeDriver browser, int port, String username, String password) {
        var wait = waitFor(browser);
        browser.get("http://localhost:" + port + "/login");
        var form = org.openqa.selenium.By.cssSelector("vaadin-login-form input[name=username]");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(form));
        browser.findElement(form).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.cssSelector("vaadin-login-form input[name=password]"))
                .sendKeys(password, org.openqa.selenium.Keys.ENTER);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                org.openqa.selenium.By.tagName("body"), "System health"));
    }

    /**
     * A 30-second wait that outlasts page changes. While a page navigates or Vaadin replaces a view, Chromium can
     * answer a lookup of an element with "unknown error: Node with given id does not belong to the document" rather
     * than a stale-element error, and a plain wait gives up on that at once. A real failure still ends the wait at its
     * timeout, with the last error as the cause.
     */
    public static WebDriverWait waitFor(WebDriver browser) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /**
     * Clicks what the locator finds. A live page (the project page redraws on every report from Argo CD, through
     * Vaadin push) can replace the element between the lookup and the click; it is then looked up again.
     */
    public static void click(WebDriverWait wait, By locator) {
        wait.until(driver -> {
            var element = driver.findElement(locator);
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    /** The text of what the locator finds, read again if a redraw replaced it between the lookup and the read. */
    public static String textOf(WebDriverWait wait, By locator) {
        return wait.until(driver -> driver.findElement(locator).getText());
    }

    public static ChromeDriver start(int width, int height) throws java.io.IOException {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "SKIPPED browser test: /usr/bin/chromium or /usr/bin/chromedriver is "
                + "missing (apt-get install -y chromium chromium-driver, as .ci/run does)");
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("plate-chromium"));
        if (width < 500) {
            // Headless Chromium's window is never narrower than 500 px: a phone's width is emulated instead.
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        // The console's errors, for tests that require none.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }
}
