package dev.hubsim.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.core.functions.Either;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final RetrySettings SETTINGS = RetrySettings.of(5).withBackoff(Duration.ofMillis(100),
            Duration.ofSeconds(1));
    private final Backoff backoff = new Backoff(SETTINGS, Clock.systemUTC());

    @Test
    void waitsGrowExponentiallyWithinTheJitterBoundsAndNeverPassTheMaximum() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            double exponential = 100 * Math.pow(RetrySettings.MULTIPLIER, attempt - 1);
            double base = Math.min(exponential, 1000);
            Set<Long> seen = new HashSet<>();
            for (int draw = 0; draw < 200; draw++) {
                long wait = backoff.apply(attempt, Either.left(new IOException("reset")));
                assertThat(wait).as("attempt %d", attempt)
                        .isBetween((long) Math.floor(base * (1 - RetrySettings.JITTER)), 1000L);
                assertThat((double) wait).isLessThanOrEqualTo(Math.ceil(base * (1 + RetrySettings.JITTER)));
                seen.add(wait);
            }
            if (exponential * (1 - RetrySettings.JITTER) < 1000) {
                assertThat(seen).as("jitter spreads the waits of attempt %d", attempt).hasSizeGreaterThan(10);
            }
        }
    }

    @Test
    void anAnswersRetryAfterIsTheWait() {
        assertThat(backoff.apply(1, Either.right(answer(503, "3")))).isEqualTo(3000);
    }

    @Test
    void anAnswerWithoutRetryAfterBacksOff() {
        assertThat(backoff.apply(1, Either.right(answer(503, null)))).isBetween(50L, 150L);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> RetrySettings.of(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> SETTINGS.withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> SETTINGS.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> SETTINGS.withMaxRetryAfterWait(Duration.ofSeconds(-1)))
                .hasMessageContaining("maxRetryAfterWait");
    }

    private static Response answer(int code, String retryAfter) {
        Response.Builder response = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("x");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }
}
