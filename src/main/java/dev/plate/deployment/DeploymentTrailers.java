package dev.plate.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deployment ids a commit records, as Git trailers at the end of its message ({@code Plate-Deployment: dev
 * #165}): with them the config repository alone says which deployment each change was, so a database rebuilt from
 * Git gives every deployment its old id back (links and {@code plate deploy --wait} keep meaning the same thing),
 * and ids issued afterwards never reuse one. Written by the deployment core, read back by {@code recovery}.
 */
public final class DeploymentTrailers {

    public static final String KEY = "Plate-Deployment";
    /** On an undo commit: the commit it takes back, whose deployment never happened (its transaction failed). */
    public static final String UNDOES = "Plate-Undoes";
    private static final Pattern TRAILER = Pattern.compile("(?m)^" + KEY + ": (\\S+) #(\\d+)$");
    private static final Pattern UNDO = Pattern.compile("(?m)^" + UNDOES + ": ([0-9a-f]{40})$");

    private DeploymentTrailers() {}

    /** @param ids deployment id per environment */
    public static String append(String message, Map<String, Long> ids) {
        var text = new StringBuilder(message).append("\n");
        ids.forEach((env, id) -> text.append("\n").append(KEY).append(": ").append(env).append(" #").append(id));
        return text.toString();
    }

    /** The ids a commit message records, per environment. */
    public static Map<String, Long> parse(String message) {
        var ids = new LinkedHashMap<String, Long>();
        var matcher = TRAILER.matcher(message);
        while (matcher.find()) {
            ids.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return ids;
    }

    /** The commit an undo commit takes back, if the message is one's. */
    public static java.util.Optional<String> undone(String message) {
        var matcher = UNDO.matcher(message);
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    /** The first line: what the change was. */
    public static String subject(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
