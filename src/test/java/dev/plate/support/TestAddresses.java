package dev.plate.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for HTTP tests (TEST-NET-2, never routed), sent as {@code X-Forwarded-For}, which Tomcat honours
 * from the loopback proxy: each test client signs in from an address of its own, so the per-address sign-in limits
 * of one test never spill into another's.
 */
public final class TestAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestAddresses() {}

    public static String next() {
        int n = NEXT.incrementAndGet();
        return "198.51." + (100 + n / 250 % 100) + "." + (n % 250 + 1);
    }
}
