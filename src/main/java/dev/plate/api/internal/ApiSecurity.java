package dev.plate.api.internal;

import dev.plate.security.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**}: stateless, its own chain before Vaadin's. Only {@code Authorization: Bearer <token>}
 * authenticates; a browser's session cookie does not (so no request can be forged from a page, and CSRF
 * protection is not needed here). Roles are enforced in the services the endpoints call.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final long MAX_BODY = 1024 * 1024;

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, SecurityContextHolderStrategy strategy)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(response, 401,
                                "Unauthorized", "Send a valid access token: Authorization: Bearer plate_… "
                                        + "(create one in Plate under Profile → Access tokens)."))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response, 403,
                                "Forbidden", denied.getMessage())))
                .addFilterBefore(new BearerTokenFilter(tokens, strategy), BasicAuthenticationFilter.class)
                .addFilterBefore(new BodyLimitFilter(), BearerTokenFilter.class)
                .build();
    }

    /** Not a bean: Boot would otherwise register it for every URL. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final SecurityContextHolderStrategy strategy;

        BearerTokenFilter(ApiTokens tokens, SecurityContextHolderStrategy strategy) {
            this.tokens = tokens;
            this.strategy = strategy;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var authentication = tokens.authenticate(header.substring(7).strip());
                if (authentication.isEmpty()) {
                    Problems.write(response, 401, "Unauthorized", "The access token is unknown, revoked or expired.");
                    return;
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
