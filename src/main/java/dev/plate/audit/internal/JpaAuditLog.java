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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    JpaAuditLog(AuditEventRepository events, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Entry> search(Query query) {
        if (query.limit() < 1 || query.limit() > 1000) {
            throw new dev.plate.base.ValidationException("limit", "Ask for 1 to 1000 events at a time.");
        }
        var where = new java.util.ArrayList<String>();
        var args = new java.util.ArrayList<Object>();
        query.actor().ifPresent(actor -> {
            where.add("actor = ?");
            args.add(actor);
        });
        query.action().ifPresent(action -> {
            where.add("action like ? escape '!'");
            args.add(like(action) + "%");
        });
        query.target().ifPresent(target -> {
            where.add("target like ? escape '!'");
            args.add("%" + like(target) + "%");
        });
        query.since().ifPresent(since -> {
            where.add("occurred_at >= ?");
            args.add(java.sql.Timestamp.from(since));
        });
        query.until().ifPresent(until -> {
            where.add("occurred_at < ?");
            args.add(java.sql.Timestamp.from(until));
        });
        args.add(query.limit());
        return jdbc.query("select id, occurred_at, actor, action, target, details, correlation_id from audit_event"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by id desc limit ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), args.toArray());
    }

    /** A user's text as a literal in LIKE: its wildcards escaped. */
    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
