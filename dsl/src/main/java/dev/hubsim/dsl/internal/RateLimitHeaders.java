package dev.hubsim.dsl.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Remembers the last pull rate-limit headers a registry sent ({@code ratelimit-limit: 100;w=21600},
 * {@code ratelimit-remaining}, {@code docker-ratelimit-source}), as an OkHttp interceptor on the client's requests.
 */
public final class RateLimitHeaders implements Interceptor {
    private final AtomicReference<Observed> last = new AtomicReference<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String limit = response.header("ratelimit-limit");
        String remaining = response.header("ratelimit-remaining");
        if (limit != null && remaining != null) {
            try {
                last.set(new Observed(count(limit), count(remaining), window(limit),
                        response.header("docker-ratelimit-source", "")));
            } catch (NumberFormatException ignored) {
                // a malformed header tells nothing: keep what was seen before
            }
        }
        return response;
    }

    /** The headers last seen, if any. */
    public Optional<Observed> last() {
        return Optional.ofNullable(last.get());
    }

    private static long count(String header) {
        int semicolon = header.indexOf(';');
        return Long.parseLong((semicolon < 0 ? header : header.substring(0, semicolon)).trim());
    }

    private static long window(String header) {
        int at = header.indexOf("w=");
        return at < 0 ? 0 : Long.parseLong(header.substring(at + 2).replaceAll("[^0-9].*$", ""));
    }

    /** One observation: the limit, what remains, the window in seconds and the source counted. */
    public record Observed(long limit, long remaining, long windowSeconds, String source) {
    }
}
