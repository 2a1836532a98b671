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
import org.openqa.selenium.support.ui.WebDriverWait;
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
        } finally {
            securityContext.clearContext();
        }
        provider.shutdown();
    }

    @Test
    void a_person_signs_in_through_the_providers_own_page_and_lands_on_the_dashboard() throws IOException {
        browser = Chromium.start(1280, 800);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sso-sign-in")));
        assertThat(browser.findElement(By.id("sso-sign-in")).getText()).isEqualTo("Sign in with Acme ID");
        screenshot("sso-login");

        browser.findElement(By.id("sso-sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("claims")));
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuerUrl("acme") + "/authorize");
        browser.findElement(By.name("username")).sendKeys("grace-subject");
        var claims = browser.findElement(By.name("claims"));
        claims.clear();
        claims.sendKeys("{\"preferred_username\": \"sso-grace\", \"name\": \"Grace Hopper\", "
                + "\"groups\": [\"engineering\"]}");
        screenshot("sso-provider");
        browser.findElement(By.cssSelector("input[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "System health"));
        // Back where the person first asked to go (the dashboard), by way of Spring's saved request.
        assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("sso-grace");
        screenshot("sso-dashboard");
        assertThat(jdbc.queryForObject("select role from plate_user where username = 'sso-grace'", String.class))
                .isEqualTo("DEVELOPER");
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
