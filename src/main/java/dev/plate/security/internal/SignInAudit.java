package dev.plate.security.internal;

import dev.plate.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-ins in the audit log, with the address they came from: every refused one (a wrong password, a locked
 * account; bounded by the sign-in limits), and each one into the browser. (A git client sends its password with
 * every request, so those successes are not recorded; {@code plate login}'s are, as the token it issues.)
 */
@Component
class SignInAudit implements dev.plate.security.SignInLog {

    private final AuditLog audit;
    private final SignInSources sources;
    private final TransactionTemplate transaction;

    SignInAudit(AuditLog audit, SignInSources sources, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.sources = sources;
        // A sign-in has no transaction of its own, and its record must stay even when what follows fails.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void refused(String username, String why) {
        refused(username, sources.current(), why);
    }

    void refused(String username, String source, String why) {
        String name = username == null || username.isBlank() ? "(none)" : username.length() > 64
                ? username.substring(0, 64) : username;
        transaction.executeWithoutResult(status -> audit.record(name, "login.failed", "user:" + name, why + " (from "
                + source + ")"));
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        String source = sources.current();
        String how = event.getAuthentication().getPrincipal() instanceof OidcUser person ? " with single sign-on ("
                + person.getIssuer() + ", subject " + person.getSubject() + ")" : "";
        transaction.executeWithoutResult(status -> audit.record(name, "login.succeeded", "user:" + name,
                "signed in to the browser" + how + " (from " + source + ")"));
    }
}
