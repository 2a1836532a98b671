package dev.plate.api.internal;

import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every refusal of the API as an RFC 9457 problem: the message a person can act on, and the field at fault.
 * Malformed JSON, unknown fields and wrong types are the caller's mistake (400), never a 500.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    /** The type a client tells "already exists" by from other conflicts (the CLI exits 7 for it). */
    static final java.net.URI ALREADY_EXISTS = java.net.URI.create("urn:plate:problem:already-exists");

    @ExceptionHandler(dev.plate.base.ConflictException.class)
    ProblemDetail conflict(dev.plate.base.ConflictException e) {
        var problem = problem(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("field", e.field());
        if (e instanceof dev.plate.base.AlreadyExistsException) {
            problem.setType(ALREADY_EXISTS);
        }
        return problem;
    }

    /** Argo CD's cluster refused or did not answer: not the caller's fault, and worth trying again. */
    @ExceptionHandler(dev.plate.argocd.ArgoCdException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> argoCdUnavailable(dev.plate.argocd.ArgoCdException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "30").body(problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(dev.plate.base.UnavailableException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> unavailable(dev.plate.base.UnavailableException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "Your role does not allow this." : e.getMessage());
    }

    /**
     * Only the login endpoint authenticates inside a controller. A disabled account gets the answer of a wrong
     * password, as on the login page: Spring checks "disabled" before the password, so saying so would tell
     * anyone which accounts exist.
     */
    @ExceptionHandler(dev.plate.security.SignInRateLimitedException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooManySignIns(dev.plate.security.SignInRateLimitedException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds() + 1)))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> loginRefused(
            org.springframework.security.core.AuthenticationException e) {
        String detail = e instanceof org.springframework.security.authentication.BadCredentialsException
                || e instanceof org.springframework.security.authentication.DisabledException
                ? "Wrong username or password." : e.getMessage();
        return org.springframework.http.ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer realm=\"Plate\"")
                .body(problem(HttpStatus.UNAUTHORIZED, detail));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiSecurity.BodyTooLarge tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            }
        }
        String cause = e.getMostSpecificCause().getMessage();
        String firstLine = cause == null ? "" : cause.lines().findFirst().orElse("");
        if (firstLine.startsWith("Required request body is missing")) {
            // Spring's message goes on with the Java signature of the endpoint, of no use to the caller.
            return problem(HttpStatus.BAD_REQUEST, "The body is missing (or null): send a JSON object; "
                    + OpenApiDescription.UI_PATH + " describes each endpoint's.");
        }
        var field = jsonPath(e);
        var problem = problem(HttpStatus.BAD_REQUEST, JsonMistakes.describe(e, field).orElseGet(() ->
                "The body is not the JSON this endpoint takes" + field.map(path -> " (at " + path + ")").orElse("")
                        + ": " + (firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine)));
        field.ifPresent(path -> problem.setProperty("field", path));
        return problem;
    }

    /** Where in the body the JSON went wrong, named as the API's fields are: containerPort, set.replicas. */
    private static Optional<String> jsonPath(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                return Optional.of(json.getPath().stream()
                        .map(step -> step.getPropertyName() != null ? step.getPropertyName()
                                : String.valueOf(step.getIndex()))
                        .collect(Collectors.joining(".")));
            }
        }
        return Optional.empty();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongType(MethodArgumentTypeMismatchException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName() + ".");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchEndpoint(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "There is no endpoint /" + e.getResourcePath() + ".");
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail concurrentChange(org.springframework.dao.DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "This conflicts with a change made at the same moment (for example a "
                + "project of the same name): read the current state and try again.");
    }

    /** Anything unforeseen: a problem document too, with the correlation id in the log, never a stack trace. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("API request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Plate could not complete this request; the server log "
                + "has the details under this request's X-Request-Id.");
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    private static ProblemDetail problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
