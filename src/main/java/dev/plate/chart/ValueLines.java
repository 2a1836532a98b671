package dev.plate.chart;

import dev.plate.base.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values typed as lines in the browser, by the rules the CLI's {@code --set KEY=VALUE} follows: the key is trimmed,
 * the value is literal (spaces, '=', '#' and all), a key given twice is refused rather than one silently winning.
 * The paths themselves are {@link ValueChanges}'s, the same for the browser, the API and the CLI.
 */
public final class ValueLines {

    /** What a deploy sets ({@code key=value}) and resets to the chart's default ({@code -key}). */
    public record Changes(Map<String, String> set, List<String> unset) {}

    private ValueLines() {}

    /** Deploy lines: {@code key=value}, {@code -key}; blank lines and lines starting with '#' are skipped. */
    public static Changes changes(String text, String field) {
        var set = new LinkedHashMap<String, String>();
        var unset = new ArrayList<String>();
        var lines = lines(text);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("-")) {
                unset.add(line.substring(1).strip());
            } else {
                put(set, lines[i], i, field, "write key=value to set a value, or -key to reset it");
            }
        }
        return new Changes(set, unset);
    }

    /** {@code NAME=value} lines (environment variables, labels); blank lines are skipped. */
    public static Map<String, String> pairs(String text, String field) {
        var pairs = new LinkedHashMap<String, String>();
        var lines = lines(text);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                put(pairs, lines[i], i, field, "write NAME=value");
            }
        }
        return pairs;
    }

    private static void put(Map<String, String> into, String line, int index, String field, String how) {
        int equals = line.indexOf('=');
        String key = equals < 0 ? "" : line.substring(0, equals).strip();
        if (key.isEmpty()) {
            throw new ValidationException(field, "Line " + (index + 1) + " (" + line.strip() + "): " + how + ".");
        }
        if (into.put(key, line.substring(equals + 1)) != null) {
            throw new ValidationException(field, "Line " + (index + 1) + ": " + key + " is given twice; give it once.");
        }
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\\R");
    }
}
