package dev.plate.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Memory a training start may take without pushing anything out: the kernel's {@code MemAvailable} (free memory
 * plus the page cache it can drop; the JVM's "free memory" counts only the first, and is small on any busy host),
 * and, inside a memory cgroup (a container), its limit less what it uses apart from inactive page cache.
 */
final class Headroom {

    private Headroom() {}

    static long available() {
        return Math.min(host(), cgroup().orElse(Long.MAX_VALUE));
    }

    private static long host() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith(
                    "MemAvailable:")).findFirst().map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .orElse(Long.MAX_VALUE);
        } catch (IOException | RuntimeException unreadable) {
            return Long.MAX_VALUE;
        }
    }

    private static Optional<Long> cgroup() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && parts[0].equals("0") && parts[1].isEmpty()) { // v2
                    Path group = Path.of("/sys/fs/cgroup" + parts[2]);
                    return left(group.resolve("memory.max"), group.resolve("memory.current"),
                            group.resolve("memory.stat"), "inactive_file ");
                }
                if (parts.length == 3 && List.of(parts[1].split(",")).contains("memory")) { // v1
                    Path group = Path.of("/sys/fs/cgroup/memory" + parts[2]);
                    return left(group.resolve("memory.limit_in_bytes"), group.resolve("memory.usage_in_bytes"),
                            group.resolve("memory.stat"), "total_inactive_file ");
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no cgroup to read: the host's figure alone
        }
        return Optional.empty();
    }

    private static Optional<Long> left(Path limitFile, Path usageFile, Path statFile, String inactive)
            throws IOException {
        if (!Files.isReadable(limitFile) || !Files.isReadable(usageFile)) {
            return Optional.empty();
        }
        String limit = Files.readString(limitFile).strip();
        if (limit.equals("max") || Long.parseLong(limit) > Long.MAX_VALUE / 2) {
            return Optional.empty(); // no limit (v1 says so with a huge number)
        }
        long used = Long.parseLong(Files.readString(usageFile).strip());
        long dropped = Files.isReadable(statFile) ? Files.readAllLines(statFile).stream().filter(line -> line
                .startsWith(inactive)).findFirst().map(line -> Long.parseLong(line.substring(inactive.length())
                        .strip())).orElse(0L) : 0L;
        return Optional.of(Long.parseLong(limit) - (used - dropped));
    }
}
