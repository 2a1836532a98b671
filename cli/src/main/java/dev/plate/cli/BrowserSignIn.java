package dev.plate.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code plate login --sso}: a one-shot HTTP receiver on 127.0.0.1 (RFC 8252's loopback redirect) that the browser
 * is sent to after the person approved the CLI in Plate, with a PKCE pair so the code it brings is worth nothing to
 * anyone but this process.
 */
final class BrowserSignIn implements AutoCloseable {

    static final Duration WAIT = Duration.ofMinutes(5);

    private final HttpServer server;
    private final String state = random();
    private final String verifier = random() + random();
    private final CompletableFuture<String> code = new CompletableFuture<>();

    BrowserSignIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "Cannot listen on 127.0.0.1 for the browser: " + e.getMessage());
        }
        server.createContext("/callback", exchange -> {
            var query = query(exchange.getRequestURI().getRawQuery());
            String answer;
            Runnable outcome;
            if (!state.equals(query.get("state"))) {
                answer = "This answer is not for this plate login. Run it again.";
                outcome = () -> { };
            } else if (query.containsKey("code")) {
                answer = "Signed in: you can close this tab and go back to the terminal.";
                outcome = () -> code.complete(query.get("code"));
            } else {
                answer = "Sign-in cancelled: nothing was given to the command line.";
                outcome = () -> code.completeExceptionally(
                        new CliException(ExitCode.AUTH, "The sign-in was cancelled in the browser."));
            }
            byte[] page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Plate CLI</title></head><body "
                    + "style=\"font-family:sans-serif;margin:15vh auto;max-width:30rem\"><p>" + answer
                    + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            } finally {
                // Only once the page is written: completing wakes the login, which then stops this server and exits,
                // and a browser left with an empty answer would tell the person the sign-in failed when it did not.
                outcome.run();
            }
        });
        server.start();
    }

    /** The page in Plate that asks the person to approve this command line. */
    String approvalUrl(String plate) {
        return plate + "/cli-login?port=" + server.getAddress().getPort() + "&state=" + state + "&challenge="
                + challenge(verifier);
    }

    String verifier() {
        return verifier;
    }

    /** The one-time code, once the browser brought it. */
    String awaitCode() {
        try {
            return code.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CliException(ExitCode.AUTH, "No sign-in from the browser within " + WAIT.toMinutes()
                    + " minutes. Run plate login --sso again.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CliException refused ? refused
                    : new CliException(ExitCode.ERROR, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, "Interrupted while waiting for the browser.");
        }
    }

    /** Tries the desktop's way of opening a link; says whether one was found. Never fails the login. */
    static boolean open(String url, Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String[] command = env.containsKey("BROWSER") && !env.get("BROWSER").isBlank()
                ? new String[] {env.get("BROWSER"), url}
                : os.contains("mac") ? new String[] {"open", url}
                : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url}
                : new String[] {"xdg-open", url};
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(String raw) {
        var values = new HashMap<String, String>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
