package dev.hubsim.simulator.replay;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.recordings.MatchResult;
import dev.hubsim.recordings.Matcher;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.StoredRecording;
import dev.hubsim.simulator.registry.RegistryException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Replay and spy mode's handler: answers a request with the recorded interaction the {@link Matcher} finds. A request
 * the recording does not hold goes to the fallback (spy mode's recording proxy) or, in replay mode, gets a 404
 * {@code UNSUPPORTED} error naming the nearest recorded request and what differs, is logged and kept in the
 * {@link ReplayMisses}. A strict replay refuses every request after its first miss.
 */
final class RecordingReplayer implements Handler {
    /** Set on every answer that did not come from the recording. */
    static final String MISS_HEADER = "X-Hubsim-Replay-Miss";
    private static final Logger LOG = LoggerFactory.getLogger(RecordingReplayer.class);

    private final StoredRecording recording;
    private final Matcher matcher;
    private final ReplayMisses misses;
    private final Handler fallback;

    /**
     * @param fallback answers what the recording does not hold; null to answer an error
     */
    RecordingReplayer(StoredRecording recording, Matcher matcher, ReplayMisses misses, Handler fallback) {
        this.recording = recording;
        this.matcher = matcher;
        this.misses = misses;
        this.fallback = fallback;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (misses.stopped()) {
            drain(ctx);
            throw RegistryException.of(RegistryErrorCode.UNSUPPORTED, "strict replay stopped at its first unmatched "
                    + "request: " + misses.first().message()).withStatus(404).withHeader(MISS_HEADER, "stopped");
        }
        RecordedRequest request = IncomingRequest.of(ctx.req());
        MatchResult result = matcher.match(request);
        if (result instanceof MatchResult.Hit hit) {
            drain(ctx);
            RecordedAnswer.write(recording, hit.interaction().response(), ctx.req(), ctx.res());
            return;
        }
        if (fallback != null) {
            fallback.handle(ctx);
            return;
        }
        drain(ctx);
        ReplayMiss miss = misses.add(request, ctx.req().getQueryString(), (MatchResult.Miss) result);
        LOG.warn("replay: {}", miss.message());
        throw RegistryException.of(RegistryErrorCode.UNSUPPORTED, "hubsim replay: " + miss.message(),
                        Map.of("nearest", miss.nearest(), "differences", miss.differences()))
                .withStatus(404).withHeader(MISS_HEADER, "unmatched");
    }

    /** Reads what the client sends (an upload's bytes) so it is not cut off mid-request by the answer. */
    private static void drain(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > 0 || ctx.req().getHeader("Transfer-Encoding") != null) {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        }
    }
}
