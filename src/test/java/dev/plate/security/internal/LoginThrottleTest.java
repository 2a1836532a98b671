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

    @org.junit.jupiter.api.AfterEach
    void noRequest() {
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void guesses_sent_in_parallel_get_no_more_than_five_password_checks() throws Exception {
        createUser("parallel-target", "the-right-password");
        String attacker = address();
        var outcomes = new ConcurrentLinkedQueue<Class<?>>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 40; i++) {
                String guess = "guess-number-" + i;
                pool.submit(() -> {
                    try {
                        start.await();
                        from(attacker);
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
        from(attacker);
        // Locked out of the account, or out of sign-ins altogether (40 guesses spent the address's budget too).
        assertThatThrownBy(() -> authenticate("parallel-target", "the-right-password"))
                .isInstanceOfAny(LockedException.class, dev.plate.security.SignInRateLimitedException.class);
    }

    @Test
    void an_anonymous_caller_guessing_locks_out_its_own_address_never_the_accounts_owner() {
        createUser("owner-target", "the-right-password");
        String owner = address();
        from(owner);
        authenticate("owner-target", "the-right-password");
        String attacker = address();
        from(attacker);
        for (int i = 0; i < 4; i++) {
            String guess = "guess-" + i;
            assertThatThrownBy(() -> authenticate("owner-target", guess)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authenticate("owner-target", "the fifth guess")).as("the fifth locks")
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> authenticate("owner-target", "the-right-password"))
                .isInstanceOf(LockedException.class).hasMessageContaining("from your address");

        from(owner);
        assertThat(authenticate("owner-target", "the-right-password").isAuthenticated()).isTrue();
        from(address());
        assertThat(authenticate("owner-target", "the-right-password").isAuthenticated())
                .as("another address that never failed").isTrue();
    }

    @Test
    void an_unknown_username_gets_exactly_the_answers_of_a_known_one() {
        createUser("known-target", "the-right-password");
        var known = answers("known-target");
        var unknown = answers("nobody-" + java.util.UUID.randomUUID().toString().substring(0, 8));

        assertThat(unknown).isEqualTo(known).endsWith(LockedException.class.getSimpleName() + ": Too many failed "
                + "sign-ins to this account from your address");
    }

    /** Many addresses at once (a botnet) lock the account for everyone but the addresses that signed in to it lately. */
    @Test
    void failures_from_many_addresses_lock_the_account_but_not_for_an_address_that_signed_in_lately() {
        createUser("botnet-target", "the-right-password");
        String owner = address();
        from(owner);
        authenticate("botnet-target", "the-right-password");
        for (int i = 0; i < 50; i++) {
            from(address());
            String guess = "guess-" + i;
            assertThatThrownBy(() -> authenticate("botnet-target", guess)).isInstanceOf(
                    org.springframework.security.core.AuthenticationException.class);
        }

        from(address());
        assertThatThrownBy(() -> authenticate("botnet-target", "the-right-password"))
                .isInstanceOf(LockedException.class);
        from(owner);
        assertThat(authenticate("botnet-target", "the-right-password").isAuthenticated()).isTrue();
    }

    @Autowired
    dev.plate.security.SecurityProperties properties;

    @Test
    void one_address_gets_a_budget_of_failed_sign_ins_per_minute_whatever_the_accounts() {
        from(address());
        for (int i = 0; i < properties.signInFailuresPerMinute(); i++) {
            String name = "spray-" + i;
            assertThatThrownBy(() -> authenticate(name, "password")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> authenticate("spray-last", "password"))
                .isInstanceOf(dev.plate.security.SignInRateLimitedException.class)
                .hasMessageStartingWith("Too many failed sign-ins from your address: try again in");
        from(address());
        assertThatThrownBy(() -> authenticate("spray-last", "password")).as("another address has its own budget")
                .isInstanceOf(BadCredentialsException.class);
    }

    /** Six failures then the right password, from a fresh address: what a caller sees, step by step. */
    private java.util.List<String> answers(String username) {
        from(address());
        var seen = new java.util.ArrayList<String>();
        for (String password : java.util.List.of("a", "b", "c", "d", "e", "f", "the-right-password")) {
            try {
                authenticate(username, password);
                seen.add("signed in");
            } catch (org.springframework.security.core.AuthenticationException e) {
                String message = e.getMessage();
                seen.add(e.getClass().getSimpleName() + (e instanceof LockedException ? ": "
                        + message.substring(0, message.indexOf(" from your address") + 18) : ""));
            }
        }
        return seen;
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** A test address of its own (TEST-NET-3), so tests never share a budget or a lock. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    /** The sign-ins that follow come from this address, as Tomcat reports a request's client. */
    private static void from(String address) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
    }

    @Test
    void a_success_resets_the_count_of_failures() {
        createUser("resets-target", "the-right-password");
        from(address());
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
