package dev.plate.api.internal;

import dev.plate.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail (ADMIN; the service checks). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Audit", description = "Who changed what, and when (ADMIN)")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit trail, newest first: every deployment action and admin change (ADMIN)")
    List<AuditLog.Entry> audit(@RequestParam Optional<String> actor, @RequestParam Optional<String> action,
            @RequestParam Optional<String> target,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> since,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> until,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.search(new AuditLog.Query(actor, action, target, since, until, limit));
    }
}
