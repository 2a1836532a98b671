package dev.plate.chart;

import dev.plate.base.ValidationException;
import java.util.regex.Pattern;

/**
 * The naming rules of Kubernetes, Helm and container registries that Plate's inputs must meet, each with a
 * message that names the field and says what is accepted.
 */
public final class KubernetesNames {

    /** DNS-1035 label, at most 53 characters: Helm's limit for a release name, which is the project name. */
    private static final Pattern PROJECT = Pattern.compile("[a-z]([-a-z0-9]{0,51}[a-z0-9])?");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)(\\*\\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+");
    /** Docker's reference grammar: [registry[:port]/]path, lowercase path components. */
    private static final Pattern IMAGE_REPOSITORY = Pattern.compile(
            "(?=.{1,255}$)((localhost|[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)+|[a-zA-Z0-9-]+:[0-9]+)(:[0-9]{1,5})?/)?"
                    + "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?");
    private static final Pattern HTTP_PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]{0,1023}");
    private static final Pattern CPU = Pattern.compile("([1-9][0-9]{0,5}m|[0-9]{1,3}(\\.[0-9]{1,3})?)");
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{0,8}(Ki|Mi|Gi|Ti|k|M|G|T)?");

    private KubernetesNames() {}

    public static String projectName(String field, String value) {
        require(field, value, PROJECT, "must be 1-53 characters of lowercase letters, digits and '-', "
                + "starting with a letter and ending with a letter or digit (e.g. web-app)");
        // Each project becomes an Argo CD AppProject of the same name; "default" is Argo CD's own.
        if (value.equals("default")) {
            throw new ValidationException(field, "'default' is the name of Argo CD's built-in project: choose another name.");
        }
        return value;
    }

    public static String dnsLabel(String field, String value) {
        return require(field, value, DNS_LABEL, "must be 1-63 characters of lowercase letters, digits and '-', "
                + "starting and ending with a letter or digit");
    }

    public static String resourceName(String field, String value) {
        return require(field, value, DNS_SUBDOMAIN, "must be a Kubernetes name: lowercase letters, digits, '-' "
                + "and '.', at most 253 characters, starting and ending with a letter or digit");
    }

    public static String host(String field, String value) {
        return require(field, value, HOST, "must be a DNS host name in lowercase such as app.example.com "
                + "(optionally starting with '*.'), without scheme, port or path");
    }

    public static String imageRepository(String field, String value) {
        return require(field, value, IMAGE_REPOSITORY, "must be an image repository without tag, such as "
                + "ghcr.io/acme/web or nginx (lowercase path; registry host optional)");
    }

    public static String imageTag(String field, String value) {
        return require(field, value, IMAGE_TAG, "must be an image tag: 1-128 letters, digits, '_', '.' or '-', "
                + "not starting with '.' or '-' (e.g. 1.4.2)");
    }

    public static String envName(String field, String value) {
        return require(field, value, ENV_NAME, "must be an environment variable name: letters, digits and '_', "
                + "not starting with a digit (e.g. DATABASE_URL)");
    }

    public static String secretKey(String field, String value) {
        return require(field, value, SECRET_KEY, "must be a Secret key: letters, digits, '-', '_' or '.'");
    }

    public static String httpPath(String field, String value) {
        return require(field, value, HTTP_PATH, "must be an HTTP path starting with '/', without spaces "
                + "(e.g. /healthz)");
    }

    public static String cpu(String field, String value) {
        return require(field, value, CPU, "must be a CPU quantity such as 250m or 0.5");
    }

    public static String memory(String field, String value) {
        return require(field, value, MEMORY, "must be a memory quantity such as 256Mi or 1Gi");
    }

    public static int port(String field, int value) {
        if (value < 1 || value > 65535) {
            throw new ValidationException(field, label(field) + " must be a port between 1 and 65535.");
        }
        return value;
    }

    /** Label and annotation keys: an optional DNS-subdomain prefix and '/', then a name of at most 63. */
    public static String qualifiedKey(String field, String key) {
        if (key == null || key.isEmpty()) {
            throw new ValidationException(field, label(field) + " keys must not be empty.");
        }
        int slash = key.lastIndexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean valid = QUALIFIED_NAME.matcher(name).matches()
                && (prefix == null || DNS_SUBDOMAIN.matcher(prefix).matches());
        if (!valid) {
            throw new ValidationException(field, label(field) + " key '" + printable(key) + "' is not valid: use "
                    + "an optional prefix such as example.com/ and a name of at most 63 letters, digits, "
                    + "'-', '_' or '.', starting and ending with a letter or digit.");
        }
        return key;
    }

    public static String labelValue(String field, String value) {
        return require(field, value, LABEL_VALUE, "must be at most 63 letters, digits, '-', '_' or '.', "
                + "starting and ending with a letter or digit (or empty)");
    }

    private static String require(String field, String value, Pattern pattern, String rule) {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(field, label(field) + " is required.");
        }
        if (!pattern.matcher(value).matches()) {
            throw new ValidationException(field, label(field) + " '" + printable(value) + "' is not valid: it "
                    + rule + ".");
        }
        return value;
    }

    /** Quotes user input in messages without letting it break the message (newlines, huge strings). */
    static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    static String label(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
