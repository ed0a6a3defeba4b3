package dev.hubsim.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubsim.core.ratelimit.RateLimitStatus.Quota;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitHeadersTest {
    private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    @Test
    void dockerHubPullHeadersGiveLimitRemainingWindowAndSource() {
        Headers headers = Headers.of("ratelimit-limit", "100;w=21600", "ratelimit-remaining", "76;w=21600",
                "docker-ratelimit-source", "192.0.2.1");

        RateLimitStatus status = RateLimitHeaders.pull(headers, NOW, null).orElseThrow();

        assertThat(status).isEqualTo(new RateLimitStatus(Quota.LIMITED, 100, 76, Duration.ofHours(6), "192.0.2.1", NOW,
                null));
        assertThat(status.describe()).isEqualTo("76 of 100 per 21600 s");
        assertThat(status.exhaustedAt(NOW)).isFalse();
    }

    @Test
    void noneRemainingResetsAtMostOneWindowLaterOrWhenRetryAfterSays() {
        Headers headers = Headers.of("ratelimit-limit", "10;w=3600", "ratelimit-remaining", "0;w=3600");

        RateLimitStatus byWindow = RateLimitHeaders.pull(headers, NOW, null).orElseThrow();
        RateLimitStatus byRetryAfter = RateLimitHeaders.pull(headers, NOW, Duration.ofSeconds(90)).orElseThrow();

        assertThat(byWindow.resetAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(byWindow.waitAt(NOW.plusSeconds(600))).contains(Duration.ofSeconds(3000));
        assertThat(byWindow.exhaustedAt(NOW.plusSeconds(3600))).isFalse();
        assertThat(byRetryAfter.resetAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(byRetryAfter.source()).isEmpty();
    }

    @Test
    void otherParametersAreIgnoredAndAWindowOnOneHeaderIsEnough() {
        Headers headers = Headers.of("ratelimit-limit", " 200 ; w=21600 ; comment=x", "ratelimit-remaining", "5");

        RateLimitStatus status = RateLimitHeaders.pull(headers, NOW, null).orElseThrow();

        assertThat(status.limit()).isEqualTo(200);
        assertThat(status.remaining()).isEqualTo(5);
        assertThat(status.window()).isEqualTo(Duration.ofHours(6));
    }

    @ParameterizedTest(name = "limit ''{0}'', remaining ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "100;w=21600 | ", " | 76;w=21600", "lots;w=21600 | 76", "100;w=0 | 76", "100;w=soon | 76", "-1 | 0",
            "100 | 99999999999999999999"})
    void missingOrMalformedPullHeadersAreTreatedAsAbsent(String limit, String remaining) {
        Headers.Builder headers = new Headers.Builder();
        if (limit != null) {
            headers.add("ratelimit-limit", limit);
        }
        if (remaining != null) {
            headers.add("ratelimit-remaining", remaining);
        }

        assertThat(RateLimitHeaders.pull(headers.build(), NOW, null)).isEmpty();
    }

    @Test
    void hubApiHeadersResetAtTheUnixTimeGiven() {
        Headers headers = Headers.of("X-RateLimit-Limit", "180", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(NOW.plusSeconds(42).getEpochSecond()));

        RateLimitStatus status = RateLimitHeaders.hub(headers, NOW, null).orElseThrow();

        assertThat(status.limit()).isEqualTo(180);
        assertThat(status.remaining()).isZero();
        assertThat(status.waitAt(NOW)).contains(Duration.ofSeconds(42));
        assertThat(RateLimitHeaders.hub(headers, NOW, Duration.ofSeconds(5)).orElseThrow().resetAt())
                .isEqualTo(NOW.plusSeconds(5));
        assertThat(RateLimitHeaders.hub(Headers.of("X-RateLimit-Limit", "180"), NOW, null)).isEmpty();
    }

    @Test
    void unknownAndUnlimitedStatusesNeverRefuse() {
        assertThat(RateLimitStatus.UNKNOWN.exhaustedAt(NOW)).isFalse();
        assertThat(RateLimitStatus.UNKNOWN.describe()).isEqualTo("unknown");
        assertThat(RateLimitStatus.unlimited(NOW).exhaustedAt(NOW)).isFalse();
        assertThat(RateLimitStatus.unlimited(NOW).describe()).isEqualTo("unlimited");
    }
}
