package dev.plate.admin.ui;

import dev.plate.audit.AuditLog;
import java.util.List;

/**
 * The audit trail as CSV (RFC 4180): every field quoted, quotes doubled, and a field a spreadsheet would run as a
 * formula (starting with =, +, - or @) prefixed with an apostrophe, since details and targets hold user input.
 */
final class AuditCsv {

    private AuditCsv() {}

    static String of(List<AuditLog.Entry> entries) {
        var csv = new StringBuilder("\"time\",\"actor\",\"action\",\"target\",\"details\",\"request id\"\r\n");
        for (var entry : entries) {
            csv.append(field(entry.occurredAt().toString())).append(',').append(field(entry.actor())).append(',')
                    .append(field(entry.action())).append(',').append(field(entry.target())).append(',')
                    .append(field(entry.details())).append(',').append(field(entry.correlationId())).append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
