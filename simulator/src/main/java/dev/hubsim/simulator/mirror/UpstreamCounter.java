package dev.hubsim.simulator.mirror;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts every HTTP request that leaves for the upstream (a network interceptor: redirects and token requests
 * included), by the repository its path names.
 */
final class UpstreamCounter implements Interceptor {
    private static final Pattern REPOSITORY_PATH = Pattern.compile("/v2/(.+)/(?:manifests|blobs|tags)/.*");

    private final MirrorCounters counters;

    UpstreamCounter(MirrorCounters counters) {
        this.counters = counters;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Matcher path = REPOSITORY_PATH.matcher(chain.request().url().encodedPath());
        counters.upstreamRequest(path.matches() ? path.group(1) : null);
        return chain.proceed(chain.request());
    }
}
