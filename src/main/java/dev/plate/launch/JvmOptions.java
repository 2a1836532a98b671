package dev.plate.launch;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The options of this JVM (its command line, {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS} and argument files,
 * as the JVM itself received them), and the few of them a start-up cache depends on.
 */
final class JvmOptions {

    /** Options that already choose a class-data archive: such a start is left exactly as it was asked. */
    private static final List<String> ARCHIVE = List.of("-XX:AOTCache", "-XX:AOTCacheOutput", "-XX:AOTMode",
            "-XX:AOTConfiguration", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive",
            "-Xshare", "-Djarmode");

    /**
     * What the cache is bound to or that decides whether the JVM can map it (the collector, the heap's and objects'
     * layout, the module graph). Nothing else of the real start reaches a training start: not its {@code -D}
     * settings (a database), agents, debugger or JMX ports, log or dump files.
     */
    private static final List<String> CACHE_RELEVANT = List.of("-Xms", "-Xmx", "-Xmn", "-Xss", "-XX:+Use", "-XX:-Use",
            "-XX:MaxRAM", "-XX:InitialRAM", "-XX:MinRAM", "-XX:MaxHeapSize", "-XX:InitialHeapSize", "-XX:MinHeapSize",
            "-XX:ObjectAlignmentInBytes", "-XX:ActiveProcessorCount", "-XX:+Unlock", "--add-opens", "--add-exports",
            "--add-modules", "--add-reads", "--limit-modules", "--enable-native-access", "--enable-preview");

    private JvmOptions() {}

    static List<String> ofThisJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    static boolean choosesArchive(List<String> options) {
        return options.stream().anyMatch(option -> ARCHIVE.stream().anyMatch(option::startsWith));
    }

    static List<String> cacheRelevant(List<String> options) {
        return options.stream().filter(option -> CACHE_RELEVANT.stream().anyMatch(option::startsWith)).toList();
    }
}
