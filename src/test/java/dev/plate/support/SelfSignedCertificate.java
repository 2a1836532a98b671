package dev.plate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A key and a self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool when a test starts:
 * nothing secret is kept in the repository, and every run has its own CA to trust, so a client that skips
 * verification cannot pass by accident.
 */
final class SelfSignedCertificate {

    private static final String ALIAS = "argocd-server";

    private final KeyStore keyStore;
    private final char[] password;

    private SelfSignedCertificate(KeyStore keyStore, char[] password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    static SelfSignedCertificate create() {
        char[] password = UUID.randomUUID().toString().toCharArray();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fake-argocd-tls");
            Path file = dir.resolve("server.p12");
            keytool(file, new String(password));
            var keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, password);
            }
            return new SelfSignedCertificate(keyStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    SSLContext sslContext() {
        try {
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String pem() {
        try {
            byte[] der = keyStore.getCertificate(ALIAS).getEncoded();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(Path file, String password) throws IOException {
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=argocd-server", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
