package dev.plate.base;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Starts the packaged jar from the bean definitions Spring's ahead-of-time processing wrote at build time (the
 * {@code process-aot} step of {@code package}), instead of parsing configuration classes and evaluating conditions on
 * every start: seconds less to start and fewer classes loaded (ADR 0015).
 *
 * <p>A jar's generated classes were compiled with the code beside them. A classes directory ({@code spring-boot:run}
 * after {@code package}, an IDE) uses them only while they are current: generated after every other class and setting
 * in it; one compiled or copied since the last {@code package} makes them stale, and the start is the ordinary one.
 * {@code PLATE_AOT=false}, or {@code -Dspring.aot.enabled=false}, turns it off.
 */
public final class AheadOfTime {

    private static final String PROPERTY = "spring.aot.enabled";

    private AheadOfTime() {}

    /** Sets Spring's switch for {@code application} when it runs from a jar that carries its generated definitions. */
    public static void useWhenPackaged(Class<?> application) {
        // Spring's own processing (the build's process-aot) runs this main to generate the definitions: it must never
        // start from the ones an earlier build left in the classes directory.
        if (System.getProperty(PROPERTY) != null || "false".equalsIgnoreCase(System.getenv("PLATE_AOT"))
                || Boolean.getBoolean("spring.aot.processing")) {
            return;
        }
        if (generated(application) && (packaged(application) || current(application))) {
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

    private static boolean current(Class<?> application) {
        try {
            CodeSource source = application.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                return false;
            }
            Path classes = Path.of(source.getLocation().toURI());
            Path initializer = classes.resolve(application.getName().replace('.', '/')
                    + "__ApplicationContextInitializer.class");
            return Files.isDirectory(classes) && Files.isRegularFile(initializer) && current(classes, initializer);
        } catch (IOException | URISyntaxException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Whether nothing in {@code classes} that the definitions were generated from is newer than they are, and every
     * class of the application they define beans for is still there (an IDE deletes a class file without touching
     * the rest).
     */
    static boolean current(Path classes, Path initializer) throws IOException {
        FileTime generated = Files.getLastModifiedTime(initializer);
        Path application = initializer.getParent();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).allMatch(file -> {
                var name = GENERATED.matcher(file.getFileName().toString());
                if (name.find()) {
                    return !file.startsWith(application) || name.group(2).equals("AotRepository")
                            || Files.exists(file.resolveSibling(name.group(1) + ".class"));
                }
                return served(classes.relativize(file)) || modified(file).compareTo(generated) <= 0;
            });
        }
    }

    /** Spring's generated classes: {@code <class>__<what>[$…].class}. */
    private static final Pattern GENERATED = Pattern.compile("^(.+?)__(BeanDefinitions|BeanFactoryRegistrations"
            + "|ApplicationContextInitializer|Autowiring\\d*|AotRepository|Accessor_\\w+|Instantiator_\\w+)(\\$.*)?"
            + "\\.class$");

    /**
     * Spring's other generated files, and the browser's (Vaadin's frontend build rewrites them on every build; no bean
     * definition depends on them).
     */
    private static boolean served(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.contains("$$SpringCGLIB$$") || path.startsWith("META-INF/native-image/")
                || path.startsWith("META-INF/VAADIN/") || path.startsWith("META-INF/resources/");
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(Long.MAX_VALUE);
        }
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
