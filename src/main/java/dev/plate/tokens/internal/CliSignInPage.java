package dev.plate.tokens.internal;

import dev.plate.base.ValidationException;
import dev.plate.security.CurrentUser;
import dev.plate.tokens.CliSignIns;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The browser's half of {@code plate login --sso}: behind the browser's sign-in (so single sign-on when configured),
 * a page that asks the person to approve the command line, then sends the browser to the CLI's loopback address with
 * a one-time code. A plain page, not a Vaadin view: it must work as one redirect target of the CLI's link, and it only
 * ever redirects to 127.0.0.1.
 */
@Controller
class CliSignInPage {

    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final CliSignIns signIns;
    private final CurrentUser user;

    CliSignInPage(CliSignIns signIns, CurrentUser user) {
        this.signIns = signIns;
        this.user = user;
    }

    @GetMapping(path = "/cli-login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ask(@RequestParam(required = false) String port, @RequestParam(required = false) String state,
            @RequestParam(required = false) String challenge, HttpServletRequest request) {
        String problem = problem(port, state, challenge);
        if (problem != null) {
            return notALink(request, problem);
        }
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = CliPages.hidden("port", port) + CliPages.hidden("state", state)
                + CliPages.hidden("challenge", challenge) + CliPages.hidden(csrf.getParameterName(), csrf.getToken());
        return CliPages.page(request.getContextPath(), HttpStatus.OK, "<h1>Sign in the Plate command line?</h1>"
                + "<p>A <code>plate login --sso</code> on this computer asks to act as <strong>"
                + HtmlUtils.htmlEscape(user.name()) + "</strong> for the next hours. Approve only if you just ran it.</p>"
                + "<form method=\"post\" action=\"cli-login\">" + hidden
                + "<button id=\"cli-approve\" type=\"submit\" name=\"decision\" value=\"approve\">Sign in the CLI</button> "
                + "<button id=\"cli-cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></form>");
    }

    @PostMapping(path = "/cli-login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> decide(@RequestParam(required = false) String port,
            @RequestParam(required = false) String state, @RequestParam(required = false) String challenge,
            @RequestParam(required = false) String decision, HttpServletRequest request) {
        String problem = problem(port, state, challenge);
        if (problem != null) {
            return notALink(request, problem);
        }
        String loopback = "http://127.0.0.1:" + Integer.parseInt(port) + "/callback?state=" + encode(state);
        if (!"approve".equals(decision)) {
            return redirect(loopback + "&error=access_denied");
        }
        try {
            return redirect(loopback + "&code=" + encode(signIns.approve(challenge)));
        } catch (ValidationException e) {
            return notALink(request, HtmlUtils.htmlEscape(e.getMessage()));
        }
    }

    /** Only what the CLI makes: a loopback port, a random state and a S256 challenge. */
    private static String problem(String port, String state, String challenge) {
        boolean portOk = port != null && port.matches("[0-9]{4,5}") && Integer.parseInt(port) >= 1024
                && Integer.parseInt(port) <= 65535;
        if (!portOk || state == null || !STATE.matcher(state).matches() || challenge == null
                || !CliCodes.CHALLENGE.matcher(challenge).matches()) {
            return "This link is not one the Plate CLI made, or it was cut short. Run plate login --sso again.";
        }
        return null;
    }

    private static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).header("Location", location).body("");
    }

    private static ResponseEntity<String> notALink(HttpServletRequest request, String why) {
        return CliPages.page(request.getContextPath(), HttpStatus.BAD_REQUEST, "<h1>Not a sign-in link</h1><p>" + why
                + "</p>");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
