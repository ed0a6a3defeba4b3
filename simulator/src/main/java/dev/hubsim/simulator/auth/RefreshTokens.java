package dev.hubsim.simulator.auth;

import dev.hubsim.core.reference.Digest;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens of the token service ({@code offline_token=true}, {@code access_type=offline}): opaque random
 * strings, remembered only by their hash, each standing for the principal that logged in.
 */
public final class RefreshTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Principal> byHash = new ConcurrentHashMap<>();

    /** A new refresh token for the principal. */
    public String issue(Principal principal) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byHash.put(hash(token), principal);
        return token;
    }

    /** The principal a refresh token stands for, if it is one of ours. */
    public Optional<Principal> principal(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byHash.get(hash(token)));
    }

    /** Forgets every refresh token (reset). */
    public void clear() {
        byHash.clear();
    }

    private static String hash(String token) {
        return Digest.sha256(token.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
