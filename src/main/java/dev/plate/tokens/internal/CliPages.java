package dev.plate.tokens.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The frame of the CLI's sign-in pages: plain HTML in Plate's colours, never cached. */
final class CliPages {

    private CliPages() {}

    static ResponseEntity<String> page(String contextPath, HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                        + "content=\"width=device-width, initial-scale=1\"><title>Plate CLI sign-in</title>"
                        + "<link rel=\"stylesheet\" href=\"" + HtmlUtils.htmlEscape(contextPath)
                        + "/styles/cli-login.css\"></head><body><main>" + body + "</main></body></html>");
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(name) + "\" value=\"" + HtmlUtils.htmlEscape(value)
                + "\">";
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
