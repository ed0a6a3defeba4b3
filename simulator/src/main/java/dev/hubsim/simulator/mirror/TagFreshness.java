package dev.hubsim.simulator.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each cached tag was last confirmed by the upstream, on the simulator's clock: a tag is fresh for the TTL after
 * that. Kept in memory only, so after a restart every tag is revalidated once.
 */
final class TagFreshness {
    private final Map<String, Instant> confirmedAt = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    TagFreshness(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    boolean isFresh(String repository, String tag) {
        Instant confirmed = confirmedAt.get(key(repository, tag));
        return confirmed != null && clock.instant().isBefore(confirmed.plus(ttl));
    }

    void confirmed(String repository, String tag) {
        confirmedAt.put(key(repository, tag), clock.instant());
    }

    void clear() {
        confirmedAt.clear();
    }

    private static String key(String repository, String tag) {
        return repository + ":" + tag;
    }
}
