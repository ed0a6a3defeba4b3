package dev.hubsim.simulator.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pull limits of anonymous and of authenticated (free-plan) clients; an empty side is unlimited.
 * Presets: {@code docker-hub} (100 per 6 h anonymous, 200 per 6 h authenticated: the documented limits),
 * {@code docker-hub-hourly} (10 and 100 per hour: the limits announced for April 2025), {@code unlimited};
 * or a spec such as {@code anonymous=3/1h,authenticated=5/1h}.
 */
public record RateLimitPolicy(Optional<PullLimit> anonymous, Optional<PullLimit> authenticated) {
    public static final RateLimitPolicy UNLIMITED = new RateLimitPolicy(Optional.empty(), Optional.empty());
    public static final RateLimitPolicy DOCKER_HUB = new RateLimitPolicy(
            Optional.of(new PullLimit(100, Duration.ofHours(6))), Optional.of(new PullLimit(200, Duration.ofHours(6))));
    public static final RateLimitPolicy DOCKER_HUB_HOURLY = new RateLimitPolicy(
            Optional.of(new PullLimit(10, Duration.ofHours(1))), Optional.of(new PullLimit(100, Duration.ofHours(1))));

    /** Parses a preset name or a spec; the message of a bad one says what is expected. */
    public static RateLimitPolicy parse(String text) {
        String spec = text.trim().toLowerCase(Locale.ROOT);
        switch (spec) {
            case "docker-hub":
                return DOCKER_HUB;
            case "docker-hub-hourly":
                return DOCKER_HUB_HOURLY;
            case "unlimited":
                return UNLIMITED;
            default:
                break;
        }
        Map<String, Optional<PullLimit>> sides = new HashMap<>();
        for (String part : spec.split(",", -1)) {
            String[] pair = part.split("=", 2);
            String side = pair[0].trim();
            if (pair.length != 2 || !(side.equals("anonymous") || side.equals("authenticated"))) {
                throw invalid(text);
            }
            Optional<PullLimit> limit = "unlimited".equals(pair[1].trim()) ? Optional.empty() : Optional.of(PullLimit.parse(pair[1]));
            if (sides.put(side, limit) != null) {
                throw new IllegalArgumentException("invalid rate limit '" + text + "': " + side + " is given twice");
            }
        }
        return new RateLimitPolicy(sides.getOrDefault("anonymous", Optional.empty()),
                sides.getOrDefault("authenticated", Optional.empty()));
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid rate limit '" + text + "': use docker-hub, docker-hub-hourly, "
                + "unlimited, or e.g. anonymous=3/1h,authenticated=5/1h");
    }
}
