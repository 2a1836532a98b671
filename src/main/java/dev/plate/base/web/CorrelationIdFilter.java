package dev.plate.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tags every request with a correlation id: the caller's {@code X-Request-Id} when it is a plausible id,
 * otherwise a new one. It goes into the logging MDC (so every log line of the request carries it) and back
 * to the caller in the response, so a user reporting a problem can quote it.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";

    /** Bounded and log-safe: a caller must not be able to inject newlines or megabytes into our logs. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = correlationIdOf(request);
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String correlationIdOf(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        if (given != null && ACCEPTED.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
