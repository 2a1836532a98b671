package dev.plate.settings.internal;

import dev.plate.base.PlateProperties;
import dev.plate.settings.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the setting's name as associated data. The key comes
 * from {@code PLATE_ENCRYPTION_KEY} (32 bytes, base64; the same on every instance, from a Kubernetes Secret in
 * production). Without it, a first start generates one into {@code <data dir>/encryption.key} (owner-only), which
 * suits the single embedded instance; the log says so.
 */
@Component
class AesGcmSecretBox implements SecretBox {

    private static final Logger LOG = LoggerFactory.getLogger(AesGcmSecretBox.class);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    AesGcmSecretBox(@Value("${plate.encryption-key:}") String configuredKey, PlateProperties plate) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(plate.dataDir()) : decode(configuredKey), "AES");
    }

    @Override
    public String seal(String name, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt setting " + name, e);
        }
    }

    @Override
    public String open(String name, String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Setting " + name + " is not an encrypted value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Setting " + name + " cannot be decrypted: it was saved with another "
                    + "encryption key (PLATE_ENCRYPTION_KEY) or altered. Save it again.", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PLATE_ENCRYPTION_KEY is not base64: generate one with "
                    + "'openssl rand -base64 32'", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("PLATE_ENCRYPTION_KEY must be 32 bytes (base64 of 'openssl rand -base64 32'"
                    + "), not " + bytes.length);
        }
        return bytes;
    }

    private byte[] keyFile(Path dataDir) {
        Path file = dataDir.resolve("encryption.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(dataDir);
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            Path temp = Files.createTempFile(dataDir, "encryption", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(generated));
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("Generated an encryption key for stored credentials in {}. With several instances, or to "
                    + "keep it apart from the data, set PLATE_ENCRYPTION_KEY instead.", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key " + file, e);
        }
    }
}
