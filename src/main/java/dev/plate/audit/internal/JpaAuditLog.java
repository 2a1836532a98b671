package dev.plate.audit.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.web.CorrelationIdFilter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaAuditLog implements AuditLog {

    /** A logger of its own, so operators can route audit lines to their own sink. */
    private static final Logger AUDIT = LoggerFactory.getLogger("plate.audit");

    private final AuditEventRepository events;
    private final Clock clock;

    JpaAuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String target, String details) {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        events.save(new AuditEvent(clock.instant(), actor, action, target, truncate(details, 2000), correlationId));
        AUDIT.atInfo()
                .addKeyValue("audit.actor", actor)
                .addKeyValue("audit.action", action)
                .addKeyValue("audit.target", target)
                .log("{} {} {}: {}", actor, action, target, details);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
