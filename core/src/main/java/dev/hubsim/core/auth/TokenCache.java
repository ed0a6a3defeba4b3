package dev.hubsim.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bearer tokens by realm + service + scope. A token with less than {@link #REFRESH_MARGIN} left (by the client's
 * clock) is no longer handed out, so it is refreshed before the registry would refuse it.
 */
final class TokenCache {
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final ConcurrentMap<TokenKey, RegistryToken> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    Optional<RegistryToken> fresh(TokenKey key) {
        RegistryToken token = tokens.get(key);
        return token != null && token.validFor(REFRESH_MARGIN, clock.instant()) ? Optional.of(token) : Optional.empty();
    }

    void put(TokenKey key, RegistryToken token) {
        tokens.put(key, token);
    }

    /** Forgets this token if it is still the cached one (the registry refused it). */
    void evict(TokenKey key, RegistryToken token) {
        tokens.remove(key, token);
    }
}
