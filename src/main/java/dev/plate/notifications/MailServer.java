package dev.plate.notifications;

import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/** The SMTP server e-mail channels send through (Admin → Notifications → E-mail); the password is stored sealed. */
public interface MailServer {

    /**
     * @param host empty: no e-mail is sent (the deliveries wait, and say why)
     * @param password empty keeps the saved one
     * @param from the sender's address, e.g. plate@acme.com
     * @param starttls upgrade the connection to TLS (port 587); off only for a server inside the network
     */
    record Smtp(String host, int port, String username, Optional<String> password, String from,
            boolean starttls) {}

    /** @param passwordSaved whether a password is stored (never shown) */
    record Current(Smtp smtp, boolean passwordSaved) {}

    @PreAuthorize("hasRole('ADMIN')")
    Current current();

    @PreAuthorize("hasRole('ADMIN')")
    void save(Smtp smtp);
}
