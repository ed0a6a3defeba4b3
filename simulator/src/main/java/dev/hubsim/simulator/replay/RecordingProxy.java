package dev.hubsim.simulator.replay;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.BodyCapture;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.RecordedResponse;
import dev.hubsim.recordings.RecordingWriter;
import dev.hubsim.simulator.registry.RegistryException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Record mode's handler (and spy mode's for what the recording lacks): forwards the request to its upstream, streams
 * the answer to the client with its URLs pointed at hubsim, and tees both bodies into the recording. The interaction
 * is appended, scrubbed, just before the client gets the answer's last bytes; the recording keeps the upstream's own
 * headers.
 */
final class RecordingProxy implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingProxy.class);
    private static final int BUFFER = 64 * 1024;

    private final Forwarder forwarder;
    private final UrlRewriter rewriter;
    private final RecordingWriter writer;
    private final AtomicInteger recorded = new AtomicInteger();

    RecordingProxy(Upstreams upstreams, RecordingWriter writer) {
        this.forwarder = new Forwarder(upstreams);
        this.rewriter = UrlRewriter.onOrigins(upstreams);
        this.writer = writer;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        HttpServletRequest request = ctx.req();
        HttpServletResponse response = ctx.res();
        RecordedRequest incoming = IncomingRequest.of(request);
        RequestBodyTee requestBody = new RequestBodyTee(request.getInputStream(), writer.captureBody());
        HttpResponse<InputStream> answer;
        try {
            answer = forwarder.forward(request, requestBody);
        } catch (IOException e) {
            requestBody.finish();
            throw RegistryException.of(RegistryErrorCode.UNAVAILABLE, "hubsim could not forward " + incoming
                    + " to its upstream: " + e).withStatus(502);
        }
        Body sentBody = requestBody.finish();
        BodyCapture receivedBody = writer.captureBody();
        try (InputStream in = answer.body()) {
            ResponseHead.write(response, answer.statusCode(), answer.headers().map(), rewriter, IncomingRequest.base(request));
            answer.headers().firstValueAsLong("content-length").ifPresent(response::setContentLengthLong);
            relay(in, receivedBody, response.getOutputStream(), () -> append(new Interaction(
                    new RecordedRequest(incoming.method(), incoming.path(), incoming.query(), incoming.headers(), sentBody),
                    RecordedResponse.of(answer.statusCode(), answer.headers().map(), receivedBody.body()))));
        } catch (IOException e) {
            receivedBody.discard();
            throw e;
        }
    }

    /**
     * Copies the upstream's body into the recording and to the client, holding the client's last bytes back until the
     * interaction is appended: a client never sees an answer end before it is in the recording, so its next request
     * is recorded after it, and a recorder stopped right after an answer still holds it.
     */
    private static void relay(InputStream in, BodyCapture capture, OutputStream client, Runnable appendInteraction)
            throws IOException {
        byte[] held = new byte[BUFFER];
        byte[] next = new byte[BUFFER];
        int heldLength = 0;
        for (int n; (n = in.read(next)) >= 0; ) {
            capture.write(next, 0, n);
            client.write(held, 0, heldLength);
            byte[] swap = held;
            held = next;
            next = swap;
            heldLength = n;
        }
        capture.close();
        appendInteraction.run();
        client.write(held, 0, heldLength);
    }

    /** Interactions recorded since start. */
    int recorded() {
        return recorded.get();
    }

    private void append(Interaction interaction) {
        try {
            writer.append(interaction);
            recorded.incrementAndGet();
        } catch (IllegalStateException e) {
            // stopping: the recording is already complete without this late answer
            LOG.warn("not recorded, the recording is closed: {}", interaction.request());
        }
    }
}
