package dev.hubsim.core.resilience;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Clock;
import okhttp3.Response;

/**
 * The wait before a retry, in milliseconds: the answer's {@code Retry-After} when it has one (the retry rules have
 * checked that it is within the allowed wait), else resilience4j's exponential random backoff.
 */
final class Backoff implements IntervalBiFunction<Response> {
    private final IntervalFunction exponential;
    private final Clock clock;

    Backoff(RetrySettings settings, Clock clock) {
        this.exponential = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), RetrySettings.MULTIPLIER,
                RetrySettings.JITTER, settings.maxBackoff());
        this.clock = clock;
    }

    @Override
    public Long apply(Integer attempt, Either<Throwable, Response> outcome) {
        if (outcome.isRight()) {
            var retryAfter = RetryAfter.of(outcome.get(), clock.instant());
            if (retryAfter.isPresent()) {
                return retryAfter.get().toMillis();
            }
        }
        return exponential.apply(attempt);
    }
}
