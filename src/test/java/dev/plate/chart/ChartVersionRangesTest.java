package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.support.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An add-on's version is refused at import exactly where Helm would refuse it at {@code helm dependency build}
 * (and Argo CD with it, for every environment): checked here against the real helm, example by example.
 */
class ChartVersionRangesTest {

    /** Accepted, and each picks the test chart's version 1.2.0: helm builds the chart with it. */
    static final List<String> ACCEPTED_MATCHING = List.of("1.2.0", "v1.2.0", "=1.2.0", "v1.2.0+build.5", "^1.2.0",
            "^1", "~1.2", "~>1.2.0", "1.x", "1.2.x", "1.X", "1.*", "*", "x", "1", "1.2", ">=1.0.0 <2.0.0",
            ">=1.0.0, <2.0.0", " >= 1.0.0 , < 2.0.0 ", "1.0.0 - 2.0.0", "2.x || 1.x", "1.2.0||2.0.0", "!=1.0.0",
            "<=1.2.0", "=<1.2.0", "=>1.2", ">1.1 <1.3", "1.x.3", "01.2.0");
    /** Accepted, but no version of the test chart matches: helm says so, not that the range is malformed. */
    static final List<String> ACCEPTED_NOT_MATCHING = List.of("2.x", ">1", "1.2.0-rc.1", "^0.1.0", "<1.0.0",
            ">=1.0.0-0 <1.2.0-0", "1.2.3-alpha.1.beta-2");
    /** Refused by helm with "invalid version/constraint format". */
    static final List<String> REFUSED = List.of("not-semver", "latest", "stable", "", " ", "1.2.3.4", "1..2", "1.",
            ".1", "^", ">=", "v", "1x", "1.2x", "1|2", "1.2.3 ||", "|| 1.x", "1.2.3 |||| 2.x", "=1.2.3=", "1.2.3-",
            "1.2.3-01", "1.2.3+", "99999999999999999999.0.0", "1.18446744073709551616.0", "1.0.0 -", "- 1.0.0",
            ">= 1.0.0 ; < 2", "1.0.0 && 2.0.0", "=> =1", "1.2.0 1.2.0-", "\u00b9.2.3", "~1.2.3 ^");

    @TempDir
    Path dir;

    @Test
    void versions_and_ranges_helm_accepts_are_accepted() {
        for (String version : concat(ACCEPTED_MATCHING, ACCEPTED_NOT_MATCHING)) {
            assertThat(ChartVersionRanges.accepted(version)).as("'%s'", version).isTrue();
        }
    }

    @Test
    void versions_and_ranges_helm_refuses_are_refused() {
        for (String version : REFUSED) {
            assertThat(ChartVersionRanges.accepted(version)).as("'%s'", version).isFalse();
        }
    }

    /** Stricter than helm on purpose: no tab or line break in a version, and a length a person can read. */
    @Test
    void white_space_other_than_spaces_and_long_ranges_are_refused_though_helm_would_take_them() {
        assertThat(ChartVersionRanges.accepted("1.2.0\n")).isFalse();
        assertThat(ChartVersionRanges.accepted(">=1.0.0\t<2.0.0")).isFalse();
        assertThat(ChartVersionRanges.accepted(">=1.0.0 <2.0.0 || ".repeat(4) + "3.x")).isFalse();
        assertThat(ChartVersionRanges.accepted(null)).isFalse();
    }

    /** The examples above are helm's behaviour, not a guess at it: the real helm builds a chart with each. */
    @Test
    void helm_agrees_with_every_example() throws IOException {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache.resolve("templates"));
        for (String file : List.of("Chart.yaml", "values.yaml", "templates/deployment.yaml")) {
            try (var in = getClass().getResourceAsStream("/charts/cache/" + file)) {
                Files.write(cache.resolve(file), in.readAllBytes());
            }
        }
        for (String version : ACCEPTED_MATCHING) {
            assertThat(helmBuild(version)).as("'%s'", version).isEqualTo("built");
        }
        for (String version : ACCEPTED_NOT_MATCHING) {
            assertThat(helmBuild(version)).as("'%s'", version).contains("can't get a valid version");
        }
        for (String version : REFUSED) {
            assertThat(helmBuild(version)).as("'%s'", version).contains("invalid version/constraint format");
        }
    }

    @Test
    void a_refused_version_names_the_addon_its_field_and_what_to_give() {
        var project = new ProjectChart("shop-db2", "ghcr.io/acme/shop", 8080,
                List.of(new ChartDependency("pg", "oci://registry-1.docker.io/bitnamicharts", "not-semver")));
        assertThatThrownBy(() -> AppConfigRules.helmVersions(project.dependencies())).isInstanceOfSatisfying(
                ValidationException.class,
                e -> {
                    assertThat(e.field()).isEqualTo("dependencies.pg.version");
                    assertThat(e.getMessage()).isEqualTo("Add-on pg's version 'not-semver' is not one Helm accepts: "
                            + "give a chart version such as 16.4.0 or a range such as ^16.0.0, ~16.4, 16.x or "
                            + ">=16.0.0 <17.0.0 (at most 64 characters).");
                });
        var missing = new ProjectChart("shop-db2", "ghcr.io/acme/shop", 8080,
                List.of(new ChartDependency("pg", "oci://registry-1.docker.io/bitnamicharts", null)));
        assertThatThrownBy(() -> AppConfigRules.helmVersions(missing.dependencies())).hasMessage("Give add-on pg's "
                + "chart version or range, e.g. 16.4.0 or ^16.0.0.");
        AppConfigRules.helmVersions(List.of(new ChartDependency("pg", "oci://registry-1.docker.io/bitnamicharts",
                ">=16.0.0 <17.0.0")));
        // Only at import: a project stored before the check is still read (and recovered) by the looser rule.
        assertThat(AppConfigRules.validate(project).dependencies()).hasSize(1);
    }

    /** "built", or helm's output when {@code helm dependency build} fails. */
    private String helmBuild(String version) throws IOException {
        Path app = dir.resolve("app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("Chart.yaml"), YAMLMapper.builder().build().writeValueAsString(Map.of(
                "apiVersion", "v2", "name", "app", "version", "0.1.0", "dependencies", List.of(Map.of(
                        "name", "cache", "repository", "file://../cache", "version", version)))));
        Files.deleteIfExists(app.resolve("Chart.lock"));
        try {
            Helm.helm("dependency", "build", app.toString());
            return "built";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
