package dev.plate.api.internal;

import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.LoginTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**}: stateless, its own chain before Vaadin's. Only {@code Authorization: Bearer <token>}
 * authenticates, with a personal access token ({@code plate_…}) or a login token from {@code POST /api/v1/login};
 * a browser's session cookie does not (so no request can be forged from a page, and CSRF protection is not
 * needed here). Only the login itself and the API's description are open. Roles are enforced in the services
 * the endpoints call.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final long MAX_BODY = 1024 * 1024;

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, LoginTokens logins,
            SecurityContextHolderStrategy strategy) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // A streamed answer (logs) ends with an async dispatch of the request that was authorized
                        // when it began; the stateless chain has no one signed in on it by then.
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/login", "/api/v1/login/code", "/api/v1/login/device",
                                "/api/v1/login/device/token").permitAll()
                        .requestMatchers(HttpMethod.GET, OpenApiDescription.PATH, OpenApiDescription.PATH + ".yaml",
                                OpenApiDescription.PATH + "/**", OpenApiDescription.UI_PATH,
                                OpenApiDescription.UI_RESOURCES).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(response, 401,
                                "Unauthorized", "Sign in first: `plate login`, or send an access token as "
                                        + "Authorization: Bearer plate_… (Profile → Access tokens in Plate)."))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response, 403,
                                "Forbidden", denied.getMessage())))
                .addFilterBefore(new BearerTokenFilter(tokens, logins, strategy), BasicAuthenticationFilter.class)
                .addFilterBefore(new BodyLimitFilter(), BearerTokenFilter.class)
                .build();
    }

    /** Not a bean: Boot would otherwise register it for every URL. */
    /** Set on a request an access token ({@code plate_…}) authenticated, rather than a login or a session. */
    static final String BY_ACCESS_TOKEN = "plate.byAccessToken";

    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final LoginTokens logins;
        private final SecurityContextHolderStrategy strategy;

        BearerTokenFilter(ApiTokens tokens, LoginTokens logins, SecurityContextHolderStrategy strategy) {
            this.tokens = tokens;
            this.logins = logins;
            this.strategy = strategy;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String token = header.substring(7).strip();
                boolean accessToken = token.startsWith(ApiTokens.PREFIX);
                var authentication = accessToken ? tokens.authenticate(token) : logins.authenticate(token);
                if (authentication.isEmpty()) {
                    Problems.write(response, 401, "Unauthorized", accessToken
                            ? "The access token is unknown, revoked or expired."
                            : "The login token is invalid, has expired or was ended (a new password, a disabled "
                                    + "account): run `plate login` again.");
                    return;
                }
                if (accessToken) {
                    request.setAttribute(BY_ACCESS_TOKEN, true);
                }
                var context = strategy.createEmptyContext();
                context.setAuthentication(authentication.get());
                strategy.setContext(context);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                strategy.clearContext();
            }
        }
    }

    /**
     * Refuses a body larger than 1 MB: at once when its length is declared, and, for a chunked body that
     * declares none, as soon as reading passes the limit ({@link BodyTooLarge}, answered 413 by ApiErrors).
     */
    static final class BodyLimitFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > MAX_BODY) {
                Problems.write(response, 413, "Content Too Large", "The request body is larger than 1 MB.");
                return;
            }
            chain.doFilter(new LimitedRequest(request), response);
        }
    }

    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("The request body is larger than 1 MB.");
        }
    }

    private static final class LimitedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private jakarta.servlet.ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                var in = super.getInputStream();
                limited = new jakarta.servlet.ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BODY) {
                            throw new BodyTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > MAX_BODY) {
                            throw new BodyTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
