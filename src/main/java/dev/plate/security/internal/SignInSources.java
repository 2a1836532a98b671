package dev.plate.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plate.security.SecurityProperties;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a sign-in comes from (the client's address, as Tomcat sees it behind trusted proxies), and each address's
 * budget of failed sign-ins per minute, whatever the accounts: a token bucket per address (bucket4j), held in a
 * bounded cache so that an attacker changing addresses cannot fill memory. Each attempt takes a token before its
 * password is checked, so parallel guesses are bounded too; a successful one gives it back.
 */
@Component
class SignInSources {

    /** Outside a web request (a service called directly): all such attempts share one budget. */
    static final String LOCAL = "local";

    private final Cache<String, Bucket> budgets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    private final int perMinute;

    SignInSources(SecurityProperties properties) {
        this.perMinute = properties.signInFailuresPerMinute();
    }

    String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String address = attributes.getRequest().getRemoteAddr();
            return address == null || address.isBlank() ? LOCAL : address.length() > 64 ? address.substring(0, 64)
                    : address;
        }
        return LOCAL;
    }

    /** Takes one attempt from the address's budget; when none is left, how long until one is. */
    Optional<Duration> take(String source) {
        var probe = budget(source).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** A successful sign-in costs nothing. */
    void giveBack(String source) {
        budget(source).addTokens(1);
    }

    private Bucket budget(String source) {
        return budgets.get(source, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
    }
}
