package dev.plate.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real helm 3 binary, installed by {@code scripts/install-helm.sh} into {@code .tools/helm}. The server
 * never needs helm; the tests render every generated chart with it.
 */
public final class Helm {

    private static final Path BINARY = Path.of(".tools", "helm");

    private Helm() {}

    /** Installs helm on first use; skips loudly where it cannot (fails in CI). */
    public static synchronized Path binary() {
        if (!Files.isExecutable(BINARY)) {
            try {
                run(List.of("bash", "scripts/install-helm.sh"));
            } catch (IOException | RuntimeException e) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException("CI must render charts with helm: " + e.getMessage(), e);
                }
                Assumptions.abort("SKIPPED helm test: helm could not be installed (" + e.getMessage() + ")");
            }
        }
        return BINARY;
    }

    public static String lint(Path chart, Path values) throws IOException {
        return run(List.of(binary().toString(), "lint", "--strict", chart.toString(), "-f", values.toString()));
    }

    public static String template(Path chart, Path values, String release, String namespace) throws IOException {
        return run(List.of(binary().toString(), "template", release, chart.toString(), "-f", values.toString(),
                "--namespace", namespace));
    }

    /** {@code helm template}, parsed: one node per non-empty rendered document. */
    public static java.util.List<tools.jackson.databind.JsonNode> objects(Path chart, Path values, String release,
            String namespace) throws IOException {
        String manifests = template(chart, values, release, namespace);
        var objects = new ArrayList<tools.jackson.databind.JsonNode>();
        try (var documents = tools.jackson.dataformat.yaml.YAMLMapper.builder().build()
                .readerFor(tools.jackson.databind.JsonNode.class)
                .<tools.jackson.databind.JsonNode>readValues(manifests)) {
            while (documents.hasNext()) {
                var document = documents.next();
                if (document != null && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    /** Any other helm command, e.g. {@code dependency build <chart>} or {@code package}. */
    public static String helm(String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        return run(command);
    }

    private static String run(List<String> command) throws IOException {
        var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
        }
        return output;
    }
}
