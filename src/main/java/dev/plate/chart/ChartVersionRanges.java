package dev.plate.chart;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether Helm accepts a text as an add-on's {@code version} in {@code Chart.yaml}: an exact version
 * ({@code 16.4.0}, {@code v1.2.3-rc.1}) or a range ({@code ^16.0.0}, {@code ~1.2}, {@code >=1.0.0 <2.0.0},
 * {@code 1.x}, {@code *}, {@code 1.2.3 || 2.x}, {@code 1.0.0 - 2.0.0}).
 *
 * <p>Helm parses it with Masterminds semver's {@code NewConstraint} and fails {@code helm dependency build} (and so
 * Argo CD's render of every environment) on anything else; a character check let {@code not-semver} through. This
 * follows that parser step by step (v3.3.0, the one Helm 3.17 builds with), regular expressions included, so that
 * Plate refuses exactly what Helm would refuse rather than a stricter or looser idea of SemVer.
 */
final class ChartVersionRanges {

    static final int MAX_LENGTH = 64;

    /** Masterminds' characters, with a space as the only white space (Go's {@code \s} also takes tabs, newlines). */
    private static final Pattern CHARACTERS = Pattern.compile("[0-9A-Za-z.*^~<>=!|, +-]+");
    private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
    /** One version in a constraint: x, X or * may stand for a number (groups: 1 major, 2 .minor, 3 .patch, 4 -pre). */
    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(" + OPS + ")\\s*(" + CV + ")\\s*");
    private static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
    private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
    private static final Pattern VALID = Pattern.compile("(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)("
            + OPS + ")\\s*(" + CV + ")\\s*)*");
    /** What {@code NewVersion} parses once the x's are replaced (groups: 1 major, 2 .minor, 3 .patch, 5 pre). */
    private static final Pattern VERSION = Pattern.compile("v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?");

    private ChartVersionRanges() {}

    static boolean accepted(String text) {
        if (text == null || text.length() > MAX_LENGTH || !CHARACTERS.matcher(text).matches()) {
            return false;
        }
        for (String alternative : hyphenRangesRewritten(text).split("\\|\\|", -1)) {
            if (!VALID.matcher(alternative).matches()) {
                return false;
            }
            Matcher each = FIND.matcher(alternative);
            while (each.find()) {
                if (!constraint(each.group())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code 1.0.0 - 2.0.0} becomes {@code >= 1.0.0, <= 2.0.0 }, replacing the first occurrence of each match. */
    private static String hyphenRangesRewritten(String text) {
        var matches = new ArrayList<String[]>();
        Matcher range = RANGE.matcher(text);
        while (range.find()) {
            matches.add(new String[] {range.group(), range.group(1), range.group(11)});
        }
        String rewritten = text;
        for (String[] match : matches) {
            int at = rewritten.indexOf(match[0]);
            if (at >= 0) {
                rewritten = rewritten.substring(0, at) + ">= " + match[1] + ", <= " + match[2] + " "
                        + rewritten.substring(at + match[0].length());
            }
        }
        return rewritten;
    }

    /** {@code parseConstraint}: the version with its x's replaced by 0 must parse, its numbers fit 64 bits. */
    private static boolean constraint(String text) {
        Matcher m = CONSTRAINT.matcher(text);
        if (!m.matches()) {
            return false;
        }
        String major = m.group(3);
        String minor = orEmpty(m.group(4));
        String patch = orEmpty(m.group(5));
        String pre = orEmpty(m.group(6));
        String version = m.group(2);
        if (isX(major)) {
            version = "0.0.0" + pre;
        } else if (minor.isEmpty() || isX(minor.substring(1))) {
            version = major + ".0.0" + pre;
        } else if (patch.isEmpty() || isX(patch.substring(1))) {
            version = major + minor + ".0" + pre;
        }
        return version(version);
    }

    /** {@code NewVersion}: three numbers below 2^64, and no leading zero in a numeric pre-release identifier. */
    private static boolean version(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            Long.parseUnsignedLong(m.group(1));
            for (String part : new String[] {m.group(2), m.group(3)}) {
                if (part != null) {
                    Long.parseUnsignedLong(part.substring(1));
                }
            }
        } catch (NumberFormatException tooLarge) {
            return false;
        }
        if (m.group(5) != null) {
            for (String identifier : m.group(5).split("\\.", -1)) {
                if (identifier.chars().allMatch(Character::isDigit) && identifier.length() > 1
                        && identifier.charAt(0) == '0') {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isX(String part) {
        return part.equals("x") || part.equals("X") || part.equals("*");
    }

    private static String orEmpty(String group) {
        return group == null ? "" : group;
    }
}
