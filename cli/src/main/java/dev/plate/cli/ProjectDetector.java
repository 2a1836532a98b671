package dev.plate.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code plate import} can tell from a project directory without running anything: the name and source
 * repository from the git remote (read from {@code .git/config}, so git need not be installed), the container port
 * and health path from the Dockerfile's last stage ({@code EXPOSE}, {@code HEALTHCHECK}). Each value says where it
 * came from, so the user can see what to override.
 */
final class ProjectDetector {

    record Detected(String value, String source) {}

    /** @param dockerfile whether there is a Dockerfile to read, so that a value not found can say why */
    record Detection(Detected name, Optional<Detected> sourceRepoUrl, Optional<Detected> imageRepository,
            Optional<Detected> port, Optional<Detected> healthPath, boolean dockerfile) {}

    private static final Pattern URL_PATH = Pattern.compile(
            "(?:https?://[^\\s/'\"]+|(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])(?::\\d+)?)(/[^\\s'\"|;&)<>]*)?");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}?");

    private ProjectDetector() {}

    static Detection detect(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        var remote = gitRemote(root);
        String directory = root.getFileName() == null ? "" : root.getFileName().toString();
        // A service inside a repository (monorepo/services/billing) is named after its directory: the repository
        // holds several, and each is a project of its own.
        boolean inside = remote.isPresent() && !Files.exists(root.resolve(".git"));
        String rawName = remote.filter(url -> !inside).map(ProjectDetector::repositoryName).filter(n -> !n.isBlank())
                .orElse(directory);
        String name = projectName(rawName);
        Detected detectedName = new Detected(name, remote.isEmpty() ? "the directory name" : inside
                ? "the directory name (a service inside its repository)" : "the git remote");
        var source = remote.map(url -> new Detected(url, "the git remote"));
        var image = remote.flatMap(ProjectDetector::registryFor).map(repo -> new Detected(inside ? repo + "/" + name
                : repo, "guessed from the git remote"));
        var dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        return new Detection(detectedName, source, image,
                dockerfile.flatMap(Dockerfile::port).map(p -> new Detected(p, "Dockerfile EXPOSE")),
                dockerfile.flatMap(Dockerfile::healthPath).map(p -> new Detected(p, "Dockerfile HEALTHCHECK")),
                dockerfile.isPresent());
    }

    /** A DNS-1035 label as Plate wants it: lowercase letters, digits and dashes, starting with a letter, ≤ 53. */
    static String projectName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[-0-9]+", "");
        if (name.length() > 53) {
            name = name.substring(0, 53);
        }
        return name.replaceAll("-+$", "");
    }

    /** The origin's URL (or the first remote's) with any credentials removed. */
    static Optional<String> gitRemote(Path dir) {
        for (Path current = dir; current != null; current = current.getParent()) {
            Path git = current.resolve(".git");
            Optional<Path> config = Optional.empty();
            try {
                if (Files.isDirectory(git)) {
                    config = Optional.of(git.resolve("config"));
                } else if (Files.isRegularFile(git)) {
                    // a worktree or submodule: ".git" names the real directory
                    String pointer = Files.readString(git).strip();
                    if (pointer.startsWith("gitdir:")) {
                        Path gitDir = current.resolve(pointer.substring(7).strip()).normalize();
                        Path common = gitDir.resolve("commondir");
                        Path base = Files.isRegularFile(common)
                                ? gitDir.resolve(Files.readString(common).strip()).normalize() : gitDir;
                        config = Optional.of(base.resolve("config"));
                    }
                }
                if (config.isPresent() && Files.isRegularFile(config.get())) {
                    return remoteUrl(Files.readAllLines(config.get())).map(ProjectDetector::withoutCredentials);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
            if (config.isPresent()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<String> remoteUrl(List<String> configLines) {
        Map<String, String> urls = new HashMap<>();
        List<String> order = new ArrayList<>();
        String remote = null;
        Pattern section = Pattern.compile("\\s*\\[\\s*remote\\s+\"([^\"]+)\"\\s*]\\s*");
        for (String line : configLines) {
            Matcher m = section.matcher(line);
            if (m.matches()) {
                remote = m.group(1);
            } else if (line.strip().startsWith("[")) {
                remote = null;
            } else if (remote != null && line.strip().matches("url\\s*=.*")) {
                String url = line.strip().substring(line.strip().indexOf('=') + 1).strip();
                if (!urls.containsKey(remote)) {
                    urls.put(remote, url);
                    order.add(remote);
                }
            }
        }
        return Optional.ofNullable(urls.getOrDefault("origin", order.isEmpty() ? null : urls.get(order.get(0))));
    }

    static String withoutCredentials(String url) {
        try {
            var uri = new URI(url);
            if (uri.getScheme() != null && uri.getUserInfo() != null && !"ssh".equals(uri.getScheme())) {
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                        .toString();
            }
        } catch (URISyntaxException e) {
            // scp-like git@host:path: the user is not a secret
        }
        return url;
    }

    static String repositoryName(String url) {
        String path = url.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(':'));
        String last = path.substring(cut + 1);
        return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
    }

    /** GitHub and GitLab projects have a registry of their own at a known address; elsewhere there is no guess. */
    static Optional<String> registryFor(String url) {
        Matcher m = Pattern.compile("^(?:https?://|ssh://)?(?:[^@/]+@)?(github\\.com|gitlab\\.com)[:/]"
                + "(.+?)(?:\\.git)?/?$").matcher(url);
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(2).toLowerCase(Locale.ROOT);
        return Optional.of((m.group(1).equals("github.com") ? "ghcr.io/" : "registry.gitlab.com/") + path);
    }

    /** The last build stage of a Dockerfile, as far as EXPOSE and HEALTHCHECK go. */
    record Dockerfile(Optional<String> port, Optional<String> healthPath) {

        static Optional<Dockerfile> read(Path file) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse(Files.readAllLines(file)));
            } catch (IOException | java.io.UncheckedIOException e) {
                return Optional.empty();
            }
        }

        static Dockerfile parse(List<String> lines) {
            List<String> instructions = new ArrayList<>();
            var current = new StringBuilder();
            for (String raw : lines) {
                String line = raw.strip();
                if (current.length() == 0 && (line.startsWith("#") || line.isEmpty())) {
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                } else {
                    current.append(line);
                    instructions.add(current.toString());
                    current.setLength(0);
                }
            }
            if (current.length() > 0) {
                instructions.add(current.toString());
            }
            Optional<String> port = Optional.empty();
            Optional<String> health = Optional.empty();
            Map<String, String> variables = new HashMap<>();
            for (String instruction : instructions) {
                String[] parts = instruction.split("\\s+", 2);
                String keyword = parts[0].toUpperCase(Locale.ROOT);
                String args = parts.length > 1 ? parts[1].strip() : "";
                switch (keyword) {
                    case "FROM" -> {
                        port = Optional.empty();
                        health = Optional.empty();
                        variables.clear();
                    }
                    case "ARG", "ENV" -> variables.putAll(assignments(args));
                    case "EXPOSE" -> {
                        if (port.isEmpty()) {
                            port = firstPort(args, variables);
                        }
                    }
                    case "HEALTHCHECK" -> health = args.toUpperCase(Locale.ROOT).startsWith("NONE") ? Optional.empty()
                            : healthPath(args);
                    default -> { }
                }
            }
            return new Dockerfile(port, health);
        }

        private static Map<String, String> assignments(String args) {
            Map<String, String> values = new HashMap<>();
            Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S*)").matcher(args);
            boolean any = false;
            while (m.find()) {
                any = true;
                values.put(m.group(1), m.group(2).replaceAll("^[\"']|[\"']$", ""));
            }
            if (!any) {
                String[] legacy = args.split("\\s+", 2); // ENV NAME value
                if (legacy.length == 2) {
                    values.put(legacy[0], legacy[1]);
                }
            }
            return values;
        }

        private static Optional<String> firstPort(String args, Map<String, String> variables) {
            for (String token : args.split("\\s+")) {
                Matcher v = VARIABLE.matcher(token);
                String resolved = v.replaceAll(match -> Matcher.quoteReplacement(Optional.ofNullable(
                        variables.get(match.group(1))).orElse(match.group(2) == null ? "" : match.group(2))));
                String number = resolved.replaceAll("/(tcp|udp|sctp)$", "");
                if (number.matches("\\d{1,5}") && Integer.parseInt(number) >= 1 && Integer.parseInt(number) <= 65535) {
                    return Optional.of(number);
                }
            }
            return Optional.empty();
        }

        private static Optional<String> healthPath(String args) {
            Matcher m = URL_PATH.matcher(args);
            if (!m.find()) {
                return Optional.empty();
            }
            String path = m.group(1) == null ? "/" : m.group(1);
            int query = path.indexOf('?');
            return Optional.of(query >= 0 ? path.substring(0, query) : path);
        }
    }
}
