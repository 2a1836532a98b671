package dev.plate.git.internal;

import dev.plate.base.PlateProperties;
import dev.plate.tokens.ApiTokens;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Plate's embedded Git server: the config repositories over smart HTTP under {@code /git/}, for the real
 * {@code git} client and Argo CD. Read-only: clone and fetch need a Plate login or access token (HTTP Basic); pushing is
 * refused for everyone, since only Plate itself writes, directly to the repository on disk.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedGitServer {

    @Bean
    ServletRegistrationBean<GitServlet> gitServlet(PlateProperties plate) {
        var servlet = new GitServlet();
        servlet.setRepositoryResolver(new DirectoryResolver(EmbeddedRepositories.root(plate)));
        servlet.setUploadPackFactory((request, repository) -> new UploadPack(repository));
        servlet.setReceivePackFactory((request, repository) -> {
            throw new ServiceNotEnabledException(PUSH_REFUSED);
        });
        var registration = new ServletRegistrationBean<>(servlet, "/git/*");
        registration.setName("plate-git");
        registration.setLoadOnStartup(1);
        return registration;
    }

    static final String PUSH_REFUSED = "Plate writes this repository itself: change a project through Plate (plate "
            + "deploy, plate import or the dashboard). Pushes here are refused.";

    /**
     * A push is refused before JGit answers, with the reason as text: git prints a text/plain error body as
     * {@code remote: …} lines, where JGit's own refusal shows only "returned error: 403". (The receive-pack factory
     * refuses too, should a request get past this.)
     */
    @Bean
    FilterRegistrationBean<Filter> gitPushRefusal() {
        var registration = new FilterRegistrationBean<Filter>((request, response, chain) -> {
            var http = (HttpServletRequest) request;
            String query = http.getQueryString() == null ? "" : http.getQueryString();
            if (http.getRequestURI().endsWith("/git-receive-pack") || query.contains("service=git-receive-pack")) {
                var answer = (HttpServletResponse) response;
                answer.setStatus(HttpServletResponse.SC_FORBIDDEN);
                answer.setContentType("text/plain; charset=UTF-8");
                answer.getWriter().write(PUSH_REFUSED + "\n");
                return;
            }
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns("/git/*");
        registration.setName("plate-git-push-refusal");
        return registration;
    }

    /**
     * Git clients speak HTTP Basic and keep no cookies: a stateless chain of its own, before Vaadin's. The
     * password may be the user's Plate password or one of their access tokens ({@code plate_…}); a token
     * authenticates as its owner whatever user name the client sends, as git hosts do, so Argo CD's repository
     * credentials can be a token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain gitChain(HttpSecurity http, AuthenticationProvider passwords, ApiTokens tokens)
            throws Exception {
        AuthenticationProvider tokenProvider = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                String secret = String.valueOf(request.getCredentials());
                if (!secret.startsWith(ApiTokens.PREFIX)) {
                    return null; // a password: the next provider checks it
                }
                return tokens.authenticate(secret).orElseThrow(() -> new BadCredentialsException(
                        "The access token is unknown, revoked or expired"));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
        return http.securityMatcher("/git/**")
                .authenticationManager(new ProviderManager(tokenProvider, passwords))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Plate Git"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Git clients cannot send CSRF tokens; with no cookies and Basic auth there is nothing to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Opens {@code <name>.git} under the repositories root; anything else, traversal included, is not found. */
    static final class DirectoryResolver implements RepositoryResolver<HttpServletRequest> {

        private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
        private final Path root;

        DirectoryResolver(Path root) {
            this.root = root;
        }

        @Override
        public Repository open(HttpServletRequest request, String name) throws RepositoryNotFoundException {
            String bare = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
            Path dir = root.resolve(bare + ".git").normalize();
            if (!NAME.matcher(bare).matches() || bare.contains("..") || !dir.startsWith(root)
                    || !Files.isDirectory(dir)) {
                throw new RepositoryNotFoundException(name);
            }
            try {
                // A new Repository per request: GitServlet closes it when the request ends.
                return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).setBare().build();
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        }
    }
}
