package dev.hubsim.simulator.replay;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Sends a client's request on to its upstream with the JDK HTTP client, streaming the body both ways (never held
 * whole). Hop-by-hop headers, {@code Host} and {@code Accept-Encoding} are not forwarded (the upstream answers with
 * identity encoding, so the recorded bytes are the content). A GET or HEAD redirected off the upstreams (a blob
 * served by a CDN) is followed here, so the content passes through hubsim and into the recording.
 */
final class Forwarder {
    /** Response headers hubsim sets itself or that describe one connection only. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "keep-alive", "proxy-connection",
            "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "accept-encoding",
            "date", "from", "via", "warning", "referer");
    private static final int MAX_REDIRECTS = 5;

    private final Upstreams upstreams;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Forwarder(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /**
     * Forwards the request; its body is read from {@code body}. The caller closes the response body.
     *
     * @throws IOException when the upstream cannot be reached or the exchange breaks
     */
    HttpResponse<InputStream> forward(HttpServletRequest request, InputStream body) throws IOException {
        String method = request.getMethod();
        URI target = URI.create(upstreams.forRequest(method, request.getRequestURI()) + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).method(method, publisher(request, body));
        copyHeaders(request, builder, true);
        HttpResponse<InputStream> response = send(builder.build());
        for (int redirects = 0; redirects < MAX_REDIRECTS && isOffUpstreamRedirect(method, response); redirects++) {
            URI location = target.resolve(response.headers().firstValue("location").orElseThrow());
            response.body().close();
            HttpRequest.Builder redirected = HttpRequest.newBuilder(location).method(method, BodyPublishers.noBody());
            // credentials stay with the upstream that asked for them
            copyHeaders(request, redirected, false);
            response = send(redirected.build());
        }
        return response;
    }

    private boolean isOffUpstreamRedirect(String method, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (!(method.equals("GET") || method.equals("HEAD")) || status < 300 || status > 308 || status == 304) {
            return false;
        }
        return response.headers().firstValue("location")
                .map(location -> response.request().uri().resolve(location))
                .filter(location -> location.getScheme() != null && !upstreams.holds(location))
                .isPresent();
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while forwarding " + request.method() + " " + request.uri().getPath());
        }
    }

    private static BodyPublisher publisher(HttpServletRequest request, InputStream body) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length > 0) {
            return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> body), length);
        }
        return chunked ? BodyPublishers.ofInputStream(() -> body) : BodyPublishers.noBody();
    }

    private static void copyHeaders(HttpServletRequest request, HttpRequest.Builder builder, boolean withCredentials) {
        for (Iterator<String> names = request.getHeaderNames().asIterator(); names.hasNext(); ) {
            String name = names.next();
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || !withCredentials && (lower.equals("authorization") || lower.equals("cookie"))) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                try {
                    builder.header(name, value);
                } catch (IllegalArgumentException restricted) {
                    // a header the JDK client sets itself; the upstream gets its own value
                }
            }
        }
    }
}
