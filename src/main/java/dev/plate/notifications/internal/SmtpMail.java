package dev.plate.notifications.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.notifications.MailServer;
import dev.plate.security.CurrentUser;
import dev.plate.settings.Settings;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMTP server, from the settings at each send (saved on any instance, used by all at once): the sender is built
 * here in code, never by Spring Boot's property-conditional auto-configuration (docs/adr/0015-ahead-of-time-start.md).
 */
@Service
class SmtpMail implements MailServer {

    static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");
    private static final String HOST = "mail.host";
    private static final String PORT = "mail.port";
    private static final String USERNAME = "mail.username";
    private static final String PASSWORD = "mail.password";
    private static final String FROM = "mail.from";
    private static final String STARTTLS = "mail.starttls";

    private final Settings settings;
    private final CurrentUser user;
    private final AuditLog audit;

    SmtpMail(Settings settings, CurrentUser user, AuditLog audit) {
        this.settings = settings;
        this.user = user;
        this.audit = audit;
    }

    @Override
    public Current current() {
        return new Current(new MailServer.Smtp(settings.get(HOST).orElse(""), settings.get(PORT).map(Integer::parseInt)
                .orElse(587), settings.get(USERNAME).orElse(""), Optional.empty(), settings.get(FROM).orElse(""),
                !"false".equals(settings.get(STARTTLS).orElse("true"))), settings.get(PASSWORD).isPresent());
    }

    @Override
    @Transactional
    public void save(MailServer.Smtp requested) {
        String host = requested.host() == null ? "" : requested.host().strip();
        var values = new LinkedHashMap<String, Optional<String>>();
        if (host.isEmpty()) {
            Set.of(HOST, PORT, USERNAME, PASSWORD, FROM, STARTTLS).forEach(key -> values.put(key, Optional.empty()));
        } else {
            if (!host.matches("[A-Za-z0-9]([-A-Za-z0-9.]{0,251}[A-Za-z0-9])?")) {
                throw new ValidationException("host", "'" + host + "' is not a host name, e.g. smtp.acme.com.");
            }
            if (requested.port() < 1 || requested.port() > 65535) {
                throw new ValidationException("port", "A port is 1 to 65535 (587 for STARTTLS, 25 inside a network).");
            }
            String from = requested.from() == null ? "" : requested.from().strip();
            if (!ADDRESS.matcher(from).matches()) {
                throw new ValidationException("from", "Give the address e-mail comes from, e.g. plate@acme.com.");
            }
            values.put(HOST, Optional.of(host));
            values.put(PORT, Optional.of(String.valueOf(requested.port())));
            values.put(USERNAME, Optional.ofNullable(requested.username()).map(String::strip).filter(u -> !u.isEmpty()));
            requested.password().filter(password -> !password.isEmpty()).ifPresent(password -> values.put(PASSWORD,
                    Optional.of(password)));
            // The saved password goes only to the server it was given for.
            boolean sameServer = settings.get(HOST).filter(host::equals).isPresent();
            if (values.get(USERNAME).isEmpty() || !sameServer && !values.containsKey(PASSWORD)) {
                values.put(PASSWORD, Optional.empty());
            }
            values.put(FROM, Optional.of(from));
            values.put(STARTTLS, Optional.of(String.valueOf(requested.starttls())));
        }
        settings.put(values, Set.of(PASSWORD), user.name());
        audit.record(user.name(), "notification.mail-saved", "integration:mail", host.isEmpty() ? "removed"
                : host + ":" + requested.port() + (requested.starttls() ? ", STARTTLS" : ", no TLS"));
    }

    /** The sender and its from address, when a server is set. */
    Optional<Sender> sender() {
        var host = settings.get(HOST).filter(text -> !text.isBlank());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        var mail = new JavaMailSenderImpl();
        mail.setHost(host.get());
        mail.setPort(settings.get(PORT).map(Integer::parseInt).orElse(587));
        mail.setDefaultEncoding("UTF-8");
        var properties = new Properties();
        settings.get(USERNAME).ifPresent(username -> {
            mail.setUsername(username);
            settings.get(PASSWORD).ifPresent(mail::setPassword);
            properties.put("mail.smtp.auth", "true");
        });
        boolean starttls = !"false".equals(settings.get(STARTTLS).orElse("true"));
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
        // One refused address among many must not keep the message from the others.
        properties.put("mail.smtp.sendpartial", "true");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        mail.setJavaMailProperties(properties);
        return Optional.of(new Sender(mail, settings.get(FROM).orElse("plate@localhost")));
    }

    record Sender(JavaMailSenderImpl mail, String from) {}
}
