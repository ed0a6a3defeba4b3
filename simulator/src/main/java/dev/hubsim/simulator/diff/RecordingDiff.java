package dev.hubsim.simulator.diff;

import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.QueryParameter;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.StoredRecording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code hubsim diff}: replays a recording's requests in order against a fresh mock ({@link MockSession}) and
 * compares every answer with the recorded one ({@link ResponseComparison}); differences that a
 * {@link KnownDivergences} entry explains are reported as known.
 */
public final class RecordingDiff {
    private RecordingDiff() {
    }

    public static DiffReport run(StoredRecording recording, KnownDivergences knownDivergences) {
        String server = recording.metadata().server();
        List<InteractionResult> results = new ArrayList<>();
        try (MockSession mock = new MockSession(recording)) {
            int number = 0;
            for (Interaction interaction : recording.interactions()) {
                number++;
                BodySample recordedBody = sample(recording, interaction.response().body());
                ObservedResponse observed = mock.replay(interaction, recordedBody);
                List<Difference> unexplained = new ArrayList<>();
                List<InteractionResult.Explained> known = new ArrayList<>();
                for (Difference difference : ResponseComparison.compare(interaction.request().method(),
                        interaction.response(), recordedBody, observed)) {
                    Optional<KnownDivergence> reason = knownDivergences.explain(server, interaction.request(), difference);
                    if (reason.isPresent()) {
                        known.add(new InteractionResult.Explained(difference, reason.get().id(), reason.get().reason()));
                    } else {
                        unexplained.add(difference);
                    }
                }
                results.add(new InteractionResult(number, interaction.request().method(), target(interaction.request()),
                        interaction.response().status(), observed.status(), unexplained, known));
            }
            return new DiffReport(recording.directory().toString(), server, recording.metadata().serverVersion(),
                    mock.authMode(), results);
        }
    }

    private static BodySample sample(StoredRecording recording, Body body) {
        if (body == null) {
            return null;
        }
        try (InputStream in = recording.openBody(body)) {
            return BodySample.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read body " + body.digest() + " of " + recording, e);
        }
    }

    private static String target(RecordedRequest request) {
        return request.query().isEmpty() ? request.path() : request.path() + "?" + request.query().stream()
                .map(p -> p.name() + "=" + p.value()).collect(Collectors.joining("&"));
    }
}
