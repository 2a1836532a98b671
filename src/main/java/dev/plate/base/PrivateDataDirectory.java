package dev.plate.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The data directory holds the embedded database (password and token hashes, settings) and the config repository, so
 * a first start creates it readable by Plate's account only. The files in it are created with the process's umask
 * (the database's 0644 on most machines); a private directory keeps other accounts out of all of them at once. It is
 * made before anything else can create it (the database opens beside the rest of the start). A directory that already
 * exists is the operator's and keeps its permissions, unremarked: a Kubernetes volume's root is group-writable and
 * world-readable by design (fsGroup), and a warning at every start there would be noise.
 */
public final class PrivateDataDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        prepare(Path.of(event.getEnvironment().getProperty("plate.data-dir", "./data")));
    }

    static void prepare(Path directory) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            if (Files.notExists(directory)) {
                Files.createDirectories(directory.toAbsolutePath().getParent());
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                // The umask may have taken bits away, never added them; this makes it exactly owner-only.
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory + " (PLATE_DATA_DIR)", e);
        }
    }
}
