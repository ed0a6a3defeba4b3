package dev.hubsim.simulator.diff;

import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.StoredRecording;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fresh, in-process mock for one recording, and the recorded requests replayed against it in order over real HTTP.
 * It runs with open auth, or with Docker Hub's token auth (and the recording's account seeded) when the recording
 * has token requests; it never follows redirects.
 */
final class MockSession implements AutoCloseable {
    private final StoredRecording recording;
    private final Simulator simulator;
    private final RequestRewriter rewriter;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    MockSession(StoredRecording recording) {
        this.recording = recording;
        String account = RequestRewriter.account(recording);
        Simulator.Builder builder = Simulator.builder();
        if (RequestRewriter.usesTokenAuth(recording)) {
            builder.auth(AuthMode.TOKEN);
            if (account != null) {
                builder.seed(Seed.EMPTY.withUsers(List.of(account + ":" + RequestRewriter.PASSWORD)));
            }
        } else {
            builder.auth(AuthMode.NONE);
        }
        this.simulator = builder.start();
        this.rewriter = new RequestRewriter(account);
    }

    /** Whether the mock runs with token auth. */
    String authMode() {
        return RequestRewriter.usesTokenAuth(recording) ? "token" : "none";
    }

    /** Sends the interaction's request to the mock and reads its answer; learns from it for the requests that follow. */
    ObservedResponse replay(Interaction interaction, BodySample recordedBody) {
        RecordedRequest recorded = interaction.request();
        RequestRewriter.Outgoing outgoing = rewriter.rewrite(recorded);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUri() + outgoing.target()))
                .timeout(Duration.ofMinutes(2))
                .method(outgoing.method(), body(recorded, outgoing));
        outgoing.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        ObservedResponse observed;
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                Map<String, List<String>> headers = new TreeMap<>();
                response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                observed = new ObservedResponse(response.statusCode(), headers, BodySample.read(body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the mock did not answer " + recorded + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + recorded, e);
        }
        rewriter.learn(interaction, recordedBody, observed);
        return observed;
    }

    private HttpRequest.BodyPublisher body(RecordedRequest recorded, RequestRewriter.Outgoing outgoing) {
        if (outgoing.rewrittenBody() != null) {
            return HttpRequest.BodyPublishers.ofByteArray(outgoing.rewrittenBody());
        }
        if (recorded.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> recording.openBody(recorded.body())), recorded.body().size());
    }

    @Override
    public void close() {
        simulator.close();
    }
}
