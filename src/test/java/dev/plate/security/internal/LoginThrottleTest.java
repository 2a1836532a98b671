package dev.plate.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

@PlateTest
class LoginThrottleTest {

    @Autowired
    AuthenticationProvider authenticationProvider;

    @Autowired
    UserService users;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    @Test
    void guesses_sent_in_parallel_get_no_more_than_five_password_checks() throws Exception {
        createUser("parallel-target", "the-right-password");
        var outcomes = new ConcurrentLinkedQueue<Class<?>>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 40; i++) {
                String guess = "guess-number-" + i;
                pool.submit(() -> {
                    try {
                        start.await();
                        authenticate("parallel-target", guess);
                        outcomes.add(Void.class);
                    } catch (Exception e) {
                        outcomes.add(e.getClass());
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(outcomes).hasSize(40).doesNotContain(Void.class);
        assertThat(outcomes.stream().filter(BadCredentialsException.class::equals).count()).isLessThanOrEqualTo(5);
        assertThatThrownBy(() -> authenticate("parallel-target", "the-right-password"))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void a_success_resets_the_count_of_failures() {
        createUser("resets-target", "the-right-password");
        for (int i = 0; i < 4; i++) {
            String guess = "wrong-" + i;
            assertThatThrownBy(() -> authenticate("resets-target", guess)).isInstanceOf(BadCredentialsException.class);
        }

        authenticate("resets-target", "the-right-password");

        for (int i = 0; i < 4; i++) {
            String guess = "wrong-again-" + i;
            assertThatThrownBy(() -> authenticate("resets-target", guess)).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(authenticate("resets-target", "the-right-password").isAuthenticated()).isTrue();
    }

    private void createUser(String username, String password) {
        var authorities = Role.ADMIN.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("admin", null, authorities));
        try {
            users.createUser(new NewUser(username, "", Role.VIEWER, password));
        } finally {
            securityContext.clearContext();
        }
    }

    private org.springframework.security.core.Authentication authenticate(String username, String password) {
        return authenticationProvider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
