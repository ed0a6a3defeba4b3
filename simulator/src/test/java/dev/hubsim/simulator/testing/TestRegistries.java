package dev.hubsim.simulator.testing;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Starts the simulator for the registry conformance tests in the mode the build asks for: system property
 * {@value #AUTH_PROPERTY} = {@code none} (default: an open registry) or {@code token} (Docker Hub's token auth, with a
 * client that logs in as a user who belongs to every namespace the tests use). The Maven build runs the conformance
 * tests in both modes.
 */
public final class TestRegistries {
    public static final String AUTH_PROPERTY = "hubsim.test.auth";
    private static final String USER = "tester";
    private static final String PASSWORD = "tester-password";
    /** Every namespace the conformance tests push to or read from (the concurrency test uses client0, client1, ...). */
    private static final List<String> NAMESPACES = Stream.concat(
            Stream.of("alice", "bob", "carol", "shared", "library", "nobody", "zed", "a", "b", "c", "d", "e"),
            IntStream.range(0, 32).mapToObj(i -> "client" + i)).toList();

    private TestRegistries() {
    }

    /** A simulator builder in the build's auth mode, without pull limits (the conformance tests pull a lot). */
    public static Simulator.Builder registry() {
        if (!isTokenMode()) {
            return Simulator.builder().auth(AuthMode.NONE);
        }
        Seed seed = new Seed(List.of(new Seed.User(USER, PASSWORD, "free", true, List.of())),
                NAMESPACES.stream().map(ns -> new Seed.Organisation(ns, List.of(USER))).toList(), List.of(), List.of());
        return Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.UNLIMITED).seed(seed);
    }

    /** A client for that simulator: plain, or logging in through the token service in token mode. */
    public static RegistryHttp client(Simulator simulator) {
        return isTokenMode() ? RegistryHttp.loggedIn(simulator.baseUri(), USER, PASSWORD)
                : new RegistryHttp(simulator.baseUri());
    }

    private static boolean isTokenMode() {
        return "token".equals(System.getProperty(AUTH_PROPERTY, "none"));
    }
}
