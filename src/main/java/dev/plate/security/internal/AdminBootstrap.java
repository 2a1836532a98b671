package dev.plate.security.internal;

import dev.plate.audit.AuditLog;
import dev.plate.security.PasswordGenerator;
import dev.plate.security.Role;
import dev.plate.security.SecurityProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the very first start (no administrator yet, whatever other user: Argo CD's service account may come first, made
 * by the leader's background work) creates the administrator. Its password comes from {@code PLATE_ADMIN_PASSWORD}
 * or is generated and printed once: Plate never has a fixed default password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AdminBootstrap(UserAccountRepository accounts, PasswordEncoder passwordEncoder, SecurityProperties properties,
            AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean given = !properties.adminPassword().isEmpty();
        String password = given ? UserInputRules.password("PLATE_ADMIN_PASSWORD", properties.adminPassword())
                : PasswordGenerator.generate();
        String username = UserInputRules.username(properties.adminUsername());
        try {
            boolean created = Boolean.TRUE.equals(transactions.execute(status -> createFirst(username, password)));
            if (created) {
                announce(username, password, given);
            }
        } catch (DataIntegrityViolationException racedWithAnotherInstance) {
            LOG.info("Another Plate instance created the first administrator at the same time");
        }
    }

    private boolean createFirst(String username, String password) {
        if (!accounts.lockEnabledWithRole(Role.ADMIN).isEmpty()) {
            return false;
        }
        accounts.saveAndFlush(new UserAccount(username, "Administrator", Role.ADMIN,
                passwordEncoder.encode(password), clock.instant()));
        audit.record("system", "user.created", "user:" + username, "first administrator created at first start");
        return true;
    }

    private static void announce(String username, String password, boolean given) {
        if (given) {
            LOG.info("Created the administrator '{}' with the password from PLATE_ADMIN_PASSWORD", username);
            return;
        }
        LOG.warn("""

                ============================================================
                 Plate created the administrator account.
                   username: {}
                   password: {}
                 This password is shown only this once. Log in and change it,
                 or set PLATE_ADMIN_PASSWORD before the first start.
                ============================================================""", username, password);
    }
}
