package dev.plate.api.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body that is not JSON, or of the wrong shape, said in JSON's words: "containerPort must be a whole
 * number, not 80.5", never Jackson's, which name Java classes ({@code java.lang.Integer}, the endpoint's record).
 */
final class JsonMistakes {

    private static final Pattern SENT = Pattern.compile("(?:String|Integer|Floating-point|Boolean) value \\((.+?)\\) to");

    private JsonMistakes() {}

    static Optional<String> describe(Throwable error, Optional<String> field) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                var known = new TreeSet<String>();
                unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
                return Optional.of("'" + unknown.getPropertyName() + "' is not a field of this request"
                        + (known.isEmpty() ? "." : "; it takes " + String.join(", ", known) + "."));
            }
            if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                String given = cause instanceof InvalidFormatException format && format.getValue() != null
                        ? ", not " + shown(format.getValue()) : sent(mismatch).map(value -> ", not " + value).orElse("");
                return Optional.of(field.orElse("The body") + " must be " + kind(mismatch.getTargetType()) + given
                        + ".");
            }
            if (cause instanceof StreamReadException read && !(read instanceof InputCoercionException)) {
                var at = read.getLocation(); // where it stopped; Jackson's message adds an excerpt of the source
                String reason = String.valueOf(read.getOriginalMessage()).lines().findFirst().orElse("")
                        .split(" \\(start marker")[0]; // a number out of range is valid JSON: ApiErrors names its field
                return Optional.of("The body is not the JSON this endpoint takes, it is not valid JSON" + (at != null
                        && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "")
                        + ": " + reason + ".");
            }
        }
        return Optional.empty();
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf).toList());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text (a JSON string)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (a JSON array)";
        }
        return "an object (a JSON object)";
    }

    /**
     * The scalar refused, as it was sent ("abc", 80.5): Jackson names it in its message ("Cannot coerce String value
     * ("abc") to `int` value"), which is otherwise not for people.
     */
    private static Optional<String> sent(MismatchedInputException mismatch) {
        var matcher = SENT.matcher(String.valueOf(mismatch.getOriginalMessage()));
        return matcher.find() ? Optional.of(matcher.group(1).length() > 82 ? matcher.group(1).substring(0, 80) + "…"
                : matcher.group(1)) : Optional.empty();
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return value instanceof CharSequence ? "\"" + text + "\"" : text;
    }
}
