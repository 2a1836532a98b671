package dev.plate.tokens.internal;

import dev.plate.base.ValidationException;
import dev.plate.security.CurrentUser;
import dev.plate.tokens.CliDeviceSignIns;
import jakarta.servlet.http.HttpServletRequest;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser's half of {@code plate login --device}: behind the browser's sign-in, the person types the code the
 * terminal shows, sees where the request came from, and approves. Two steps on purpose (RFC 8628 §5.4): a link sent
 * by someone else, code included, still shows its origin and asks before anything is given away.
 */
@Controller
class CliDevicePage {

    static final String PATH = "/cli-login/device";

    private final CliDeviceSignIns signIns;
    private final CurrentUser user;

    CliDevicePage(CliDeviceSignIns signIns, CurrentUser user) {
        this.signIns = signIns;
        this.user = user;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ask(@RequestParam(required = false) String code, HttpServletRequest request) {
        if (code == null || code.isBlank()) {
            return entry(request, HttpStatus.OK, "", "");
        }
        var waiting = signIns.waiting(code);
        if (waiting.isEmpty()) {
            return entry(request, HttpStatus.BAD_REQUEST, code, "No sign-in waits for this code. Check it against the "
                    + "terminal; a code lasts " + CliDeviceCodes.LIFETIME.toMinutes() + " minutes and is decided once.");
        }
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var sign = waiting.get();
        return CliPages.page(request.getContextPath(), HttpStatus.OK, "<h1>Sign in the Plate command line?</h1>"
                + "<p>A <code>plate login --device</code> asks to act as <strong>" + CliPages.escape(user.name())
                + "</strong> for the next hours.</p><dl>"
                + "<dt>Code</dt><dd id=\"device-code-shown\"><code>" + CliPages.escape(sign.userCode()) + "</code></dd>"
                + "<dt>Asked from</dt><dd id=\"device-address\">" + CliPages.escape(sign.address()) + "</dd>"
                + "<dt>Program</dt><dd>" + CliPages.escape(sign.program()) + " <small>(as it says; anyone can "
                + "say this)</small></dd>"
                + "<dt>At</dt><dd>" + sign.requestedAt().truncatedTo(ChronoUnit.SECONDS) + "</dd></dl>"
                + "<p>Approve only if you started it yourself, from that address, and the code is the one in your "
                + "terminal. Someone who sends you a link to this page is asking for your access.</p>"
                + "<form method=\"post\" action=\"device\">" + CliPages.hidden("code", sign.userCode())
                + CliPages.hidden(csrf.getParameterName(), csrf.getToken())
                + "<button id=\"cli-approve\" type=\"submit\" name=\"decision\" value=\"approve\">Sign in the CLI</button> "
                + "<button id=\"cli-cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">Refuse</button></form>");
    }

    @PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> decide(@RequestParam(required = false) String code,
            @RequestParam(required = false) String decision, HttpServletRequest request) {
        boolean approve = "approve".equals(decision);
        try {
            signIns.decide(code, approve);
        } catch (ValidationException e) {
            return entry(request, HttpStatus.BAD_REQUEST, code == null ? "" : code, e.getMessage());
        }
        return CliPages.page(request.getContextPath(), HttpStatus.OK, approve
                ? "<h1>The command line is signed in</h1><p id=\"device-done\">Go back to the terminal: it continues on "
                        + "its own. You can close this tab.</p>"
                : "<h1>Sign-in refused</h1><p id=\"device-done\">Nothing was given to the command line.</p>");
    }

    private static ResponseEntity<String> entry(HttpServletRequest request, HttpStatus status, String code,
            String problem) {
        return CliPages.page(request.getContextPath(), status, "<h1>Sign in a Plate command line</h1>"
                + "<p>Type the code that <code>plate login --device</code> shows in its terminal.</p>"
                + (problem.isEmpty() ? "" : "<p class=\"problem\" role=\"alert\">" + CliPages.escape(problem) + "</p>")
                + "<form method=\"get\" action=\"device\"><label for=\"device-code\">Code</label> "
                + "<input id=\"device-code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" "
                + "spellcheck=\"false\" maxlength=\"40\" placeholder=\"WDJB-MJHT\" value=\"" + CliPages.escape(code)
                + "\" autofocus> <button id=\"device-continue\" class=\"primary\" type=\"submit\">Continue</button></form>");
    }
}
