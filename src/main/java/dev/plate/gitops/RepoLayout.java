package dev.plate.gitops;

/**
 * Where things live in the config repository: {@code applications/<app>/<env>/}, {@code environments/<env>.yaml},
 * {@code charts/<app>/}. Names are validated DNS labels before they get here.
 */
public final class RepoLayout {

    private RepoLayout() {}

    public static String chartDir(String app) {
        return "charts/" + app;
    }

    public static String valuesFile(String app, String env) {
        return "applications/" + app + "/" + env + "/values.yaml";
    }

    public static String applicationFile(String app, String env) {
        return "applications/" + app + "/" + env + "/application.yaml";
    }

    /** What Plate knows about a project beyond its chart and values (owners, source), for recovery from Git. */
    public static String projectFile(String app) {
        return "applications/" + app + "/project.yaml";
    }

    public static String environmentFile(String env) {
        return "environments/" + env + ".yaml";
    }
}
