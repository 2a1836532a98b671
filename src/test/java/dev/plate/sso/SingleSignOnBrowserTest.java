package dev.plate.sso;

import dev.plate.security.Role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.Chromium;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A person signs in through the provider's own login page in real Chromium: Plate's button, the provider's form, and
 * back on Plate's dashboard as the account the provider vouched for. Screenshots: target/screenshots/sso-*.png.
 */
@PlateTest
class SingleSignOnBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    SingleSignOn singleSignOn;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    JdbcTemplate jdbc;

    MockOAuth2Server provider;
    ChromeDriver browser;

    @BeforeEach
    void provider() {
        // interactiveLogin: the provider shows its own form, where the person types who they are.
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start();
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            singleSignOn.save(new OidcProvider("Acme ID", provider.issuerUrl("acme").toString(), "plate",
                    Optional.of("secret-1"), "openid profile email", "groups", "engineering = DEVELOPER",
                    Optional.empty()));
        } finally {
            securityContext.clearContext();
        }
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            singleSignOn.save(new OidcProvider("", "", "", Optional.empty(), "", "", "", Optional.empty()));
            singleSignOn.save(new OidcProvider("gitea", "", "", "", Optional.empty(), "", "", "", Optional.empty()));
        } finally {
            securityContext.clearContext();
        }
        provider.shutdown();
    }

    @Test
    void a_person_signs_in_through_the_providers_own_page_and_lands_on_the_dashboard() throws IOException {
        // A second provider beside the first: its own button, which this person does not use.
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            singleSignOn.save(new OidcProvider("gitea", "Gitea", provider.issuerUrl("gitea").toString(), "plate",
                    Optional.empty(), "openid profile email", "groups", "", Optional.of(Role.VIEWER)));
        } finally {
            securityContext.clearContext();
        }
        signInThroughTheProvider("grace-subject", "sso-grace", true);
        assertThat(jdbc.queryForObject("select role from plate_user where username = 'sso-grace'", String.class))
                .isEqualTo("DEVELOPER");

        browser.get("http://localhost:" + port + "/profile");
        Chromium.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "You sign in with single sign-on"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Change password");
    }

    private void signInThroughTheProvider(String subject, String username, boolean screenshots) throws IOException {
        browser = Chromium.start(1280, 800);
        var wait = Chromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sso-oidc")));
        assertThat(browser.findElement(By.id("sso-oidc")).getText()).isEqualTo("Sign in with Acme ID");
        if (screenshots) {
            assertThat(browser.findElement(By.id("sso-gitea")).getText()).isEqualTo("Sign in with Gitea");
            screenshot("sso-login");
        }

        browser.findElement(By.id("sso-oidc")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("claims")));
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuerUrl("acme") + "/authorize");
        browser.findElement(By.name("username")).sendKeys(subject);
        var claims = browser.findElement(By.name("claims"));
        claims.clear();
        claims.sendKeys("{\"preferred_username\": \"" + username + "\", \"name\": \"Grace Hopper\", "
                + "\"groups\": [\"engineering\"]}");
        if (screenshots) {
            screenshot("sso-provider");
        }
        browser.findElement(By.cssSelector("input[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "System health"));
        // Back where the person first asked to go (the dashboard), by way of Spring's saved request.
        assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(username);
        if (screenshots) {
            screenshot("sso-dashboard");
        }
    }

    /**
     * {@code plate login --sso}: the real CLI prints its link, the browser (signed in through the provider) approves it,
     * and the browser's redirect to the CLI's 127.0.0.1 receiver completes the CLI's login.
     */
    @Test
    void the_command_line_signs_in_through_the_browser(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        signInThroughTheProvider("ada-subject", "sso-ada-cli", false);
        var wait = Chromium.waitFor(browser);
        Path err = home.resolve("err.txt");
        Path out = home.resolve("out.txt");
        var process = cli(home, "--sso", "--no-browser");
        try {
            String link = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(err)
                    .lines().map(String::strip).filter(line -> line.startsWith("http")).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertThat(link).startsWith("http://localhost:" + port + "/cli-login?port=");

            browser.get(link);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cli-approve")));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("sso-ada-cli");
            screenshot("sso-cli-approve");
            browser.findElement(By.id("cli-approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Signed in"));
            assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:");

            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(out)).contains("Logged in to http://localhost:" + port + " as sso-ada-cli "
                    + "(DEVELOPER)");
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * {@code plate login --device}: the real CLI shows a code; the person, signed in through the provider in a browser
     * that need not be on the same machine, types it into Plate, sees where it came from, and approves.
     */
    @Test
    void a_command_line_without_a_browser_signs_in_with_a_code(@org.junit.jupiter.api.io.TempDir Path home)
            throws Exception {
        signInThroughTheProvider("grace-subject", "sso-grace-device", false);
        var wait = Chromium.waitFor(browser);
        var process = cli(home, "--device");
        try {
            String code = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files
                    .readString(home.resolve("err.txt")).lines().map(String::strip)
                    .filter(line -> line.matches("[A-Z]{4}-[A-Z]{4}")).findFirst(), java.util.Optional::isPresent)
                    .orElseThrow();

            browser.get("http://localhost:" + port + "/cli-login/device");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("device-code"))).sendKeys(code.toLowerCase());
            screenshot("sso-device-code");
            browser.findElement(By.id("device-continue")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cli-approve")));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("sso-grace-device").contains(code)
                    .contains("plate-cli/");
            screenshot("sso-device-approve");
            browser.findElement(By.id("cli-approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "signed in"));

            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
            assertThat(Files.readString(home.resolve("out.txt"))).contains("Logged in to http://localhost:" + port
                    + " as sso-grace-device (DEVELOPER)");
        } finally {
            process.destroyForcibly();
        }
    }

    /** The real CLI's {@code plate login} against this Plate, its output in {@code home}'s out.txt and err.txt. */
    private Process cli(Path home, String... flags) throws IOException {
        var command = new java.util.ArrayList<>(java.util.List.of(Path.of("cli", "plate").toAbsolutePath().toString(),
                "login", "http://localhost:" + port));
        command.addAll(java.util.List.of(flags));
        var cli = new ProcessBuilder(command);
        cli.environment().remove("PLATE_URL");
        cli.environment().remove("PLATE_TOKEN");
        cli.environment().put("JAVA_HOME", System.getProperty("java.home"));
        cli.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        cli.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        return cli.redirectError(home.resolve("err.txt").toFile()).redirectOutput(home.resolve("out.txt").toFile())
                .start();
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
