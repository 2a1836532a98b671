package dev.plate.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The flags a command sends as API fields, read backwards for the server's refusals: the server speaks of the
 * fields of its API ("ContainerPort must be a port between 1 and 65535."), the person typed a flag, so the CLI
 * says "--port must be a port between 1 and 65535.". The problem document names the field at fault ({@code field});
 * its message starts with that field as sent ({@code containerPort}), capitalized ({@code ContainerPort}) or in
 * words ({@code Display name}), and a value change {@code set.replicas} by its key alone ({@code replicas}). Only
 * a name at the start of the message, followed by what a subject is followed by, is replaced: fields such as
 * {@code name} or {@code to} are also English words.
 */
final class FlagNames {

    private final Map<String, String> flags = new HashMap<>();
    private final Map<String, String> keyed = new HashMap<>();
    private final Map<String, String> leading = new HashMap<>();

    /** {@code containerPort} is {@code --port}; so is any field inside it ({@code dependencies.pg.version}). */
    FlagNames field(String field, String flag) {
        flags.putIfAbsent(field, flag);
        return this;
    }

    /**
     * A field whose refusals need not start with its name ({@code tail}: "Give between 1 and 10000 lines."): the
     * flag is then said first ("--tail: Give between 1 and 10000 lines."), so that the person knows which of the
     * flags typed is at fault.
     */
    FlagNames leading(String field, String flag) {
        leading.put(field, flag);
        return field(field, flag);
    }

    /** {@code set} with {@code --set}: the field {@code set.replicas} is {@code --set replicas}. */
    FlagNames keyed(String field, String flag) {
        keyed.put(field, flag);
        return this;
    }

    /** The server's message with the field it refuses named as the flag typed (where it names it, or first). */
    String inDetail(String field, String detail) {
        if (field == null || detail == null) {
            return detail;
        }
        for (var spoken : spoken(field).entrySet()) {
            String rest = detail.startsWith(spoken.getKey()) ? detail.substring(spoken.getKey().length()) : "";
            if (rest.startsWith(" must ") || rest.startsWith(" is ") || rest.startsWith(" are ")
                    || rest.startsWith(" key") || rest.startsWith(" '")) {
                return spoken.getValue() + rest;
            }
        }
        return leading.containsKey(field) ? leading.get(field) + ": " + detail : detail;
    }

    /** How the server may name the field at the start of a message, each with the flag to say instead. */
    private Map<String, String> spoken(String field) {
        var names = new LinkedHashMap<String, String>();
        flag(field).ifPresent(flag -> {
            names.put(field, flag);
            names.put(capitalized(field), flag);
            names.put(capitalized(field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)), flag);
        });
        keyed.forEach((prefix, flag) -> {
            if (field.startsWith(prefix + ".")) {
                String key = field.substring(prefix.length() + 1);
                names.putIfAbsent(key, flag + " " + key);
                names.putIfAbsent(capitalized(key), flag + " " + key);
            }
        });
        return names;
    }

    private Optional<String> flag(String field) {
        for (String part = field; ; part = part.substring(0, part.lastIndexOf('.'))) {
            if (flags.containsKey(part)) {
                return Optional.of(flags.get(part));
            }
            if (!part.contains(".")) {
                return Optional.empty();
            }
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
