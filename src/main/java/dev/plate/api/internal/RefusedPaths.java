package dev.plate.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Paths refused before any endpoint sees them are the API's problem documents too. Two places refuse them: Tomcat
 * (an encoded '/', '\' or NUL: its HTML error page otherwise) and Spring Security's firewall (a ';', an encoded '%'
 * or "..": Spring Boot's error JSON otherwise). Pages outside {@code /api/} keep the default answers.
 */
@Configuration(proxyBeanMethods = false)
class RefusedPaths {

    static final String DETAIL = "The path holds characters Plate does not accept in a name (an encoded '/', '\\', "
            + "'%', '..', ';' or a NUL): names are lowercase letters, digits and '-'.";

    @Bean
    RequestRejectedHandler apiRequestRejectedHandler() {
        var fallback = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (isApi(request)) {
                Problems.write(response, 400, "Bad Request", DETAIL);
            } else {
                fallback.handle(request, response, rejected);
            }
        };
    }

    @Bean
    TomcatContextCustomizer apiErrorReports() {
        return context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        };
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith("/api/");
    }

    /** Tomcat's own error answers (before the application is reached): a problem document under {@code /api/}. */
    public static class ApiErrorReportValve extends ErrorReportValve {

        /** As Spring Boot's own: no server version, no exception report, on any error page. */
        public ApiErrorReportValve() {
            setShowServerInfo(false);
            setShowReport(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // Only where nothing answered: an error the application wrote (a 401 problem, say) stays as it is.
            if (status < 400 || response.isCommitted() || response.getContentWritten() > 0 || !isApi(request)) {
                super.report(request, response, throwable);
                return;
            }
            try {
                Problems.write(response, status, status == 400 ? "Bad Request" : "Error", status == 400 ? DETAIL
                        : "The server could not handle this request (HTTP " + status + ").");
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                super.report(request, response, throwable);
            }
        }
    }
}
