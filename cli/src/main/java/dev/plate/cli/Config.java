package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $HOME/.config/plate/config.json} ({@code $XDG_CONFIG_HOME/plate}): the server URL and the login token. The
 * directory is created 0700 and the file written 0600 before the token goes in, then moved into place, so no
 * other user can read the token even for a moment. {@code PLATE_URL} and {@code PLATE_TOKEN} override it (CI).
 */
public final class Config {

    private final Path file;
    private final Map<String, String> env;
    private final Map<String, Object> stored;

    private Config(Path file, Map<String, String> env, Map<String, Object> stored) {
        this.file = file;
        this.env = env;
        this.stored = stored;
    }

    public static Config load(Terminal terminal) {
        Path file = directory(terminal.env()).resolve("config.json");
        Map<String, Object> stored = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                stored.putAll(JSON.std.mapFrom(Files.readString(file)));
            } catch (IOException | RuntimeException e) {
                throw new CliException(ExitCode.ERROR, "Cannot read " + file + " (" + e.getMessage()
                        + "); delete it and run `plate login` again.");
            }
        }
        return new Config(file, terminal.env(), stored);
    }

    static Path directory(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "plate");
        }
        String appData = env.get("APPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && appData != null) {
            return Path.of(appData, "plate");
        }
        // $HOME first, as git, kubectl and the launcher's cache honour it: the JVM's user.home is the password
        // database's entry for the account, which a shell's HOME=… does not change.
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".config", "plate");
    }

    public Path file() {
        return file;
    }

    private static boolean sameServer(String one, String other) {
        try {
            return Api.normalize(one).equalsIgnoreCase(Api.normalize(other));
        } catch (CliException notAnAddress) {
            return false;
        }
    }

    public Optional<String> url() {
        return nonBlank(env.get("PLATE_URL")).or(() -> nonBlank((String) stored.get("url")));
    }

    /**
     * The token to send: {@code PLATE_TOKEN}, else the stored login unless it has expired. The stored login goes only
     * to the server it was made for: another address ({@code PLATE_URL}, {@code --server}) gets no token of it.
     */
    public Optional<String> token() {
        var fromEnv = nonBlank(env.get("PLATE_TOKEN"));
        if (fromEnv.isPresent()) {
            return fromEnv;
        }
        var storedUrl = nonBlank((String) stored.get("url"));
        if (storedUrl.isEmpty() || !sameServer(storedUrl.get(), url().orElse(""))) {
            return Optional.empty();
        }
        var token = nonBlank((String) stored.get("token"));
        var expires = expiresAt();
        if (token.isPresent() && expires.isPresent() && !Instant.now().isBefore(expires.get())) {
            throw new CliException(ExitCode.AUTH, "Your login to " + url().orElse("Plate") + " expired at "
                    + expires.get() + ": run `plate login` again.");
        }
        return token;
    }

    public Optional<String> username() {
        return nonBlank((String) stored.get("username"));
    }

    public Optional<Instant> expiresAt() {
        return nonBlank((String) stored.get("expiresAt")).map(Instant::parse);
    }

    public void saveLogin(String url, String token, String username, String expiresAt) {
        stored.put("url", url);
        stored.put("token", token);
        stored.put("username", username);
        stored.put("expiresAt", expiresAt);
        write();
    }

    /** Forgets the token, keeps the URL for the next login. */
    public boolean forgetLogin() {
        boolean had = stored.remove("token") != null;
        stored.remove("username");
        stored.remove("expiresAt");
        if (had) {
            write();
        }
        return had;
    }

    private void write() {
        try {
            Path dir = file.getParent();
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path temp = posix ? Files.createTempFile(dir, "config", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))) : Files.createTempFile(dir, "config", ".tmp");
            Files.writeString(temp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(stored) + "\n");
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "Cannot write " + file + ": " + e.getMessage());
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
