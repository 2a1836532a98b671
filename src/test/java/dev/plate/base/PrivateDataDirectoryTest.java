package dev.plate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDataDirectoryTest {

    @TempDir
    Path root;

    @Test
    void a_data_directory_that_does_not_exist_is_created_for_plates_account_only() throws IOException {
        Path data = root.resolve("srv/plate/data");

        PrivateDataDirectory.prepare(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(data.getParent()).isDirectory();
    }

    @Test
    void an_operators_existing_directory_keeps_its_permissions() throws IOException {
        Path data = Files.createDirectory(root.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(data.resolve("plate.mv.db"), "kept");

        PrivateDataDirectory.prepare(data);

        assertThat(permissions(data)).isEqualTo("rwxr-x---");
        assertThat(data.resolve("plate.mv.db")).hasContent("kept");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
