package dev.hubsim.core.resilience;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries idempotent requests with resilience4j's {@link Retry}, as {@link RetryRules} and {@link RetrySettings}
 * describe; an answer that is retried is closed first. When the retries are used up, the last answer (or failure)
 * goes back to the caller. A cancelled call is not retried.
 */
public final class RetryInterceptor implements Interceptor {
    private final Retry retry;

    private RetryInterceptor(Retry retry) {
        this.retry = retry;
    }

    /** A retry policy for one endpoint family, on the client's clock (which reads {@code Retry-After} dates). */
    public static RetryInterceptor create(EndpointFamily family, RetrySettings settings, Clock clock) {
        RetryRules rules = new RetryRules(settings.maxRetryAfterWait(), clock);
        RetryConfig config = RetryConfig.<Response>custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(IOException.class::isInstance)
                .retryOnResult(rules::shouldRetry)
                .intervalBiFunction(new Backoff(settings, clock))
                .consumeResultBeforeRetryAttempt((attempt, response) -> response.close())
                .failAfterMaxAttempts(false)
                .build();
        return new RetryInterceptor(Retry.of("docker-" + family.tag(), config));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!RetryRules.idempotent(request)) {
            return chain.proceed(request);
        }
        CheckedSupplier<Response> attempt = () -> {
            if (chain.call().isCanceled()) {
                throw new CancellationException("the call was cancelled");
            }
            return chain.proceed(request);
        };
        try {
            return Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (CancellationException e) {
            throw new IOException("Canceled", e);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }
}
