package dev.plate.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals under {@code /api/} that happen before an endpoint is chosen: no such path, a method or a content
 * type the endpoint does not take. {@link ApiErrors} applies to the API's controllers only, so without this
 * they would be Spring Boot's generic error JSON rather than problem documents.
 */
@Component
class ApiRoutingErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().equals(ApiRoutingErrors.class.getPackageName())) {
            return null;
        }
        try {
            switch (e) {
                case HttpRequestMethodNotSupportedException method -> {
                    var allowed = method.getSupportedHttpMethods();
                    if (allowed != null && !allowed.isEmpty()) {
                        response.setHeader("Allow", StringUtils.collectionToCommaDelimitedString(allowed));
                    }
                    Problems.write(response, 405, "Method Not Allowed", method.getMethod() + " is not supported "
                            + "here" + (allowed == null || allowed.isEmpty() ? "." : "; use " + allowed.stream()
                                    .map(Object::toString).sorted().toList() + "."));
                }
                case HttpMediaTypeNotSupportedException unsupported ->
                    Problems.write(response, 415, "Unsupported Media Type", "Send the body as application/json.");
                case HttpMediaTypeNotAcceptableException unacceptable ->
                    Problems.write(response, 406, "Not Acceptable", "This endpoint answers in application/json.");
                case NoResourceFoundException missing -> noSuchEndpoint(response, path);
                case NoHandlerFoundException missing -> noSuchEndpoint(response, path);
                default -> {
                    return null;
                }
            }
        } catch (IOException failed) {
            return null;
        }
        return new ModelAndView();
    }

    private static void noSuchEndpoint(HttpServletResponse response, String path) throws IOException {
        Problems.write(response, 404, "Not Found", "There is no endpoint " + path + "; "
                + OpenApiDescription.UI_PATH + " lists them.");
    }

    /** Before Spring's own resolvers, which would send these to Boot's error page. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
