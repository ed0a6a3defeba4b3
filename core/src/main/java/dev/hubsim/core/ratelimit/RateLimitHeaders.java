package dev.hubsim.core.ratelimit;

import dev.hubsim.core.ratelimit.RateLimitStatus.Quota;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads rate-limit headers. Docker Hub's pull limit: {@code ratelimit-limit: 100;w=21600},
 * {@code ratelimit-remaining: 76;w=21600}, {@code docker-ratelimit-source: 192.0.2.1} (split on {@code ;} and
 * {@code =}, as hub-tool does). The Hub API's: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} (a Unix time). A header that does not parse is treated as absent.
 */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    /**
     * The pull limit status of a counted answer, or empty when its headers are absent or malformed.
     *
     * @param retryAfter the answer's {@code Retry-After}, or null
     */
    static Optional<RateLimitStatus> pull(Headers headers, Instant now, Duration retryAfter) {
        Optional<Count> limit = Count.parse(headers.get("ratelimit-limit"));
        Optional<Count> remaining = Count.parse(headers.get("ratelimit-remaining"));
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        Duration window = limit.get().window().or(() -> remaining.get().window()).orElse(null);
        long left = Math.min(remaining.get().value(), limit.get().value());
        Instant resetAt = null;
        if (left == 0) {
            resetAt = retryAfter != null ? now.plus(retryAfter) : window != null ? now.plus(window) : null;
        }
        String source = headers.get("docker-ratelimit-source");
        return Optional.of(new RateLimitStatus(Quota.LIMITED, limit.get().value(), left, window,
                source == null ? "" : source.trim(), now, resetAt));
    }

    /** The Hub API limit status of an answer, or empty when its headers are absent or malformed. */
    static Optional<RateLimitStatus> hub(Headers headers, Instant now, Duration retryAfter) {
        Optional<Long> limit = number(headers.get("X-RateLimit-Limit"));
        Optional<Long> remaining = number(headers.get("X-RateLimit-Remaining"));
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        Instant resetAt = retryAfter != null ? now.plus(retryAfter)
                : number(headers.get("X-RateLimit-Reset")).map(Instant::ofEpochSecond).orElse(null);
        return Optional.of(new RateLimitStatus(Quota.LIMITED, limit.get(), Math.min(remaining.get(), limit.get()),
                null, "", now, resetAt));
    }

    private static Optional<Long> number(String text) {
        if (text == null || !text.trim().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.trim()));
    }

    /** {@code <count>[;w=<seconds>][;other=params]}. */
    private record Count(long value, Optional<Duration> window) {
        static Optional<Count> parse(String header) {
            if (header == null) {
                return Optional.empty();
            }
            String[] parts = header.split(";");
            Optional<Long> value = number(parts[0]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            Optional<Duration> window = Optional.empty();
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                if (pair.length == 2 && pair[0].trim().equals("w")) {
                    Optional<Long> seconds = number(pair[1]);
                    if (seconds.isEmpty() || seconds.get() == 0) {
                        return Optional.empty();
                    }
                    window = Optional.of(Duration.ofSeconds(seconds.get()));
                }
            }
            return Optional.of(new Count(value.get(), window));
        }
    }
}
