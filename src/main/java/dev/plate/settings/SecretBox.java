package dev.plate.settings;

/**
 * Seals credentials before they are stored (AES-256-GCM), so a database dump or backup holds no usable secret.
 * A sealed value is bound to the name it is stored under: moved to another setting, it does not open.
 */
public interface SecretBox {

    String seal(String name, String plaintext);

    /** @throws IllegalStateException when the value was sealed with another key, or altered */
    String open(String name, String sealed);
}
