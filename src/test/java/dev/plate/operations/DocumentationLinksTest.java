package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every link a reader can follow resolves: relative links in the README and the docs, and the files the chart's
 * comments point to. (A values.yaml once sent operators to a docs/configuration.md that never existed.)
 */
class DocumentationLinksTest {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern MENTIONED_FILE = Pattern.compile("\\b((?:docs|deploy|helm-templates|scripts)/[\\w./-]+"
            + "\\.(?:md|yaml|sh|tpl)|README\\.md)\\b");
    private static final Path ROOT = Path.of(".").toAbsolutePath().normalize();

    @Test
    void every_relative_link_in_the_readme_and_the_docs_resolves() throws IOException {
        var broken = new ArrayList<String>();
        for (Path document : documents()) {
            String text = Files.readString(document);
            var links = MARKDOWN_LINK.matcher(text);
            while (links.find()) {
                String target = links.group(1);
                if (target.matches("^(https?|mailto):.*") || target.startsWith("#")) {
                    continue;
                }
                String file = target.replaceAll("#.*$", "");
                if (!Files.exists(document.getParent().resolve(file).normalize())) {
                    broken.add(ROOT.relativize(document) + " → " + target);
                }
            }
        }
        assertThat(documents()).isNotEmpty();
        assertThat(broken).as("links to nothing").isEmpty();
    }

    @Test
    void every_file_the_charts_and_the_dockerfile_mention_exists() throws IOException {
        var broken = new ArrayList<String>();
        var sources = new ArrayList<Path>(List.of(Path.of("Dockerfile")));
        try (var chart = Files.walk(Path.of("deploy", "helm"))) {
            chart.filter(Files::isRegularFile).forEach(sources::add);
        }
        for (Path source : sources) {
            var mentions = MENTIONED_FILE.matcher(Files.readString(source));
            while (mentions.find()) {
                if (!Files.exists(Path.of(mentions.group(1)))) {
                    broken.add(source + " → " + mentions.group(1));
                }
            }
        }
        assertThat(broken).as("files mentioned that do not exist").isEmpty();
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            var all = new ArrayList<>(docs.filter(path -> path.toString().endsWith(".md")).toList());
            all.add(Path.of("README.md"));
            all.add(Path.of("cli", "README.md"));
            return all.stream().filter(Files::exists).map(path -> path.toAbsolutePath().normalize()).toList();
        }
    }
}
