package dev.plate.chart;

import dev.plate.base.OrderedYaml;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Turns the chart skeleton in {@code helm-templates/app/} into a project's chart. Handlebars (with {@code [[ ]]},
 * so Helm's {@code {{ }}} pass through untouched, and no HTML escaping) fills in only names Plate has
 * validated; everything a user types goes into the values file, written by {@link ValuesWriter}.
 */
@Component
public class ChartGenerator {

    /** Bumped whenever the skeleton changes, so a regenerated chart is a visible new version. */
    static final String CHART_VERSION = "0.2.0";
    private static final String SKELETON = "helm-templates/app/";

    private final Map<String, String> staticFiles = new TreeMap<>();
    private final Map<String, Template> templates = new TreeMap<>();

    public ChartGenerator() {
        var handlebars = new Handlebars().with(EscapingStrategy.NOOP).startDelimiter("[[").endDelimiter("]]")
                .prettyPrint(true);
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + SKELETON + "**/*")) {
                String path = relativePath(resource);
                if (path == null || !resource.isReadable()) {
                    continue;
                }
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                if (path.endsWith(".hbs")) {
                    templates.put(path.substring(0, path.length() - 4), handlebars.compileInline(text));
                } else {
                    staticFiles.put(path, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the chart skeleton " + SKELETON, e);
        }
        if (!templates.containsKey("Chart.yaml") || !staticFiles.containsKey("values.yaml")) {
            throw new IllegalStateException("The chart skeleton " + SKELETON + " is incomplete: " + staticFiles.keySet());
        }
    }

    /** The chart's files, by path relative to the chart directory ({@code charts/<name>/}). */
    public Map<String, byte[]> chart(ProjectChart project, String appVersion) {
        AppConfigRules.validate(project);
        KubernetesNames.imageTag("appVersion", appVersion);
        var context = Map.of("name", project.name(), "chartVersion", CHART_VERSION, "appVersion", appVersion);
        var files = new LinkedHashMap<String, byte[]>();
        templates.forEach((path, template) -> files.put(path, apply(template, context)));
        staticFiles.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        if (!project.dependencies().isEmpty()) {
            // Appended as whole top-level keys written by the YAML library, never as text built from input.
            var dependencies = project.dependencies().stream().map(d -> OrderedYaml.map("name", d.name(),
                    "repository", d.repository(), "version", d.version(), "condition", d.name() + ".enabled")).toList();
            files.put("Chart.yaml", concat(files.get("Chart.yaml"),
                    OrderedYaml.write(OrderedYaml.map("dependencies", dependencies))));
            var switches = new LinkedHashMap<String, Object>();
            project.dependencies().forEach(d -> switches.put(d.name(), OrderedYaml.map("enabled", false)));
            files.put("values.yaml", concat(files.get("values.yaml"), OrderedYaml.write(switches)));
        }
        return files;
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        String text = new String(head, StandardCharsets.UTF_8);
        return (text.endsWith("\n") ? text : text + "\n").concat(new String(tail, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] apply(Template template, Map<String, String> context) {
        try {
            return template.apply(context).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relativePath(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        int at = url.lastIndexOf(SKELETON);
        if (at < 0 || url.endsWith("/")) {
            return null;
        }
        return url.substring(at + SKELETON.length());
    }
}
