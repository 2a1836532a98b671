package dev.plate.settings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.PlateProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmSecretBoxTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void aSealedValueOpensOnlyUnderItsOwnNameAndKey() {
        var box = new AesGcmSecretBox(KEY, new PlateProperties(dataDir));
        String sealed = box.seal("argocd.kubeconfig", "token: s3cr3t");

        assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(box.seal("argocd.kubeconfig", "token: s3cr3t")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open("argocd.kubeconfig", sealed)).isEqualTo("token: s3cr3t");
        assertThatThrownBy(() -> box.open("gitea.token", sealed)).hasMessageContaining("cannot be decrypted");

        byte[] other = new byte[32];
        other[0] = 1;
        var otherBox = new AesGcmSecretBox(Base64.getEncoder().encodeToString(other), new PlateProperties(dataDir));
        assertThatThrownBy(() -> otherBox.open("argocd.kubeconfig", sealed))
                .hasMessageContaining("another encryption key (PLATE_ENCRYPTION_KEY)");

        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open("argocd.kubeconfig", new String(chars))).hasMessageContaining("altered");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceForTheOwnerOnly() throws Exception {
        var first = new AesGcmSecretBox("", new PlateProperties(dataDir));
        String sealed = first.seal("x", "value");
        Path file = dataDir.resolve("encryption.key");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new AesGcmSecretBox("", new PlateProperties(dataDir)).open("x", sealed)).isEqualTo("value");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedWithAHowTo() {
        assertThatThrownBy(() -> new AesGcmSecretBox(Base64.getEncoder().encodeToString(new byte[16]),
                new PlateProperties(dataDir))).hasMessageContaining("must be 32 bytes").hasMessageContaining("openssl rand");
        assertThatThrownBy(() -> new AesGcmSecretBox("not base64!", new PlateProperties(dataDir)))
                .hasMessageContaining("not base64");
    }
}
