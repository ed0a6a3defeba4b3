package dev.hubsim.simulator.diff;

import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.QueryParameter;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.RecordedResponse;
import dev.hubsim.recordings.RecordingMetadata;
import dev.hubsim.recordings.RecordingWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: drives requests against a server over real HTTP and writes each exchange into a recording with
 * {@link RecordingWriter} (which keeps the allow-listed headers and scrubs secrets), as the record proxy would.
 */
final class SessionRecorder implements AutoCloseable {
    private final URI base;
    private final RecordingWriter writer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    SessionRecorder(URI base, Path directory, String server, String version) {
        this.base = base;
        this.writer = RecordingWriter.builder(directory, new RecordingMetadata(server, version, Instant.now(), "hubsim test"))
                .flushInterval(Duration.ZERO).open();
    }

    /** Sends a request (target: path and query, or an absolute URL), records the exchange and returns the response. */
    HttpResponse<byte[]> send(String method, String target, byte[] body, String... headers) {
        URI uri = target.startsWith("http") ? URI.create(target) : URI.create(base + target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            sent.put(headers[i], List.of(headers[i + 1]));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            RecordedRequest bare = RecordedRequest.of(method, uri.getRawPath(), QueryParameter.parse(uri.getRawQuery()), sent);
            RecordedRequest recordedRequest = new RecordedRequest(method, bare.path(), bare.query(), bare.headers(),
                    body == null || body.length == 0 ? null : Body.inline(body));
            writer.append(new Interaction(recordedRequest, RecordedResponse.of(response.statusCode(),
                    response.headers().map(), response.body().length == 0 ? null : Body.inline(response.body()))));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Location} of a response, resolved against the base. */
    String location(HttpResponse<byte[]> response) {
        return base.resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    @Override
    public void close() {
        writer.close();
    }
}
