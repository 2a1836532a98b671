package dev.plate.base;

import java.security.CodeSource;

/**
 * Starts the packaged jar from the bean definitions Spring's ahead-of-time processing wrote at build time (the
 * {@code process-aot} step of {@code package}), instead of parsing configuration classes and evaluating conditions on
 * every start: seconds less to start and fewer classes loaded (ADR 0015).
 *
 * <p>Only a jar: its generated classes were compiled with the code beside them. A classes directory (an IDE, {@code
 * spring-boot:run}) may hold generated classes from an older {@code package} than the code it runs, so it starts the
 * ordinary way. {@code PLATE_AOT=false}, or {@code -Dspring.aot.enabled=false}, turns it off for a jar.
 */
public final class AheadOfTime {

    private static final String PROPERTY = "spring.aot.enabled";

    private AheadOfTime() {}

    /** Sets Spring's switch for {@code application} when it runs from a jar that carries its generated definitions. */
    public static void useWhenPackaged(Class<?> application) {
        if (System.getProperty(PROPERTY) != null || "false".equalsIgnoreCase(System.getenv("PLATE_AOT"))) {
            return;
        }
        if (packaged(application) && generated(application)) {
            System.setProperty(PROPERTY, "true");
        }
    }

    private static boolean packaged(Class<?> application) {
        CodeSource source = application.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        // In Boot's executable jar: jar:nested:/…/plate.jar/!BOOT-INF/classes/!/. Extracted (the image):
        // file:/app/plate.jar. A classes directory is neither, whatever its path holds.
        var location = source.getLocation();
        return "jar".equals(location.getProtocol()) || location.getPath().endsWith(".jar");
    }

    private static boolean generated(Class<?> application) {
        try {
            Class.forName(application.getName() + "__ApplicationContextInitializer", false,
                    application.getClassLoader());
            return true;
        } catch (ClassNotFoundException notProcessed) {
            return false;
        }
    }
}
