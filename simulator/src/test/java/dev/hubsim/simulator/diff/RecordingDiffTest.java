package dev.hubsim.simulator.diff;

import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.RecordedResponse;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.RecordingWriter;
import dev.hubsim.recordings.StoredRecording;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.DistributionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hubsim diff} on recordings made over real HTTP: of the mock itself, of the CNCF registry, and edited ones. */
class RecordingDiffTest {
    @TempDir
    Path work;

    @Test
    void aSessionRecordedFromTheMockReplaysIdenticallyScoringOneHundredPercent() {
        StoredRecording recording = recordMockSession(work.resolve("mock"));

        DiffReport report = RecordingDiff.run(recording, KnownDivergences.none());

        assertThat(report.interactions()).allSatisfy(i -> assertThat(i.verdict()).as(i.toString()).isEqualTo("match"));
        assertThat(report.identical()).isEqualTo(report.total()).isEqualTo(recording.interactions().size()).isGreaterThan(20);
        assertThat(report.passes()).isTrue();
        assertThat(DiffReportText.render(report)).contains("Score: " + report.total() + "/" + report.total()
                + " interactions identical (100.0%)");
    }

    @Test
    void aPlantedStatusChangeIsReportedWithTheInteractionAndWhatDiffers() {
        StoredRecording recording = recordMockSession(work.resolve("mock"));
        int planted = plantStatus(recording, work.resolve("planted"), 418);

        DiffReport report = RecordingDiff.run(RecordingReader.read(work.resolve("planted")), KnownDivergences.none());

        InteractionResult result = report.interactions().get(planted - 1);
        assertThat(result.verdict()).isEqualTo("differs");
        assertThat(result.unexplained()).contains(new Difference(Aspect.STATUS, "", "418", "200"));
        assertThat(report.differing()).isEqualTo(1);
        assertThat(report.passes()).isFalse();
        assertThat(report.byAspect().get("status")).isEqualTo(report.total() - 1);
        assertThat(DiffReportText.render(report)).contains("GET /v2/diff/app/tags/list").contains("DIFFERS")
                .contains("status: recorded 418, mock 200");
    }

    @Test
    void aPlantedDivergenceListedAsKnownIsReportedAsKnownAndPasses() throws IOException {
        StoredRecording recording = recordMockSession(work.resolve("mock"));
        int planted = plantStatus(recording, work.resolve("planted"), 418);
        Path knownFile = Files.writeString(work.resolve("known.yaml"), """
                - id: teapot-tags
                  method: GET
                  path: /v2/**/tags/list
                  aspect: status
                  reason: the planted server is a teapot
                """);

        DiffReport report = RecordingDiff.run(RecordingReader.read(work.resolve("planted")), KnownDivergences.load(knownFile));

        InteractionResult result = report.interactions().get(planted - 1);
        assertThat(result.verdict()).isEqualTo("known");
        assertThat(result.known()).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo("teapot-tags");
            assertThat(k.difference().aspect()).isEqualTo(Aspect.STATUS);
        });
        assertThat(report.passes()).isTrue();
        assertThat(DiffReportText.render(report)).contains("teapot-tags: the planted server is a teapot");
    }

    @Test
    void aTokenAuthSessionIsReplayedWithTheMocksOwnTokensInPlaceOfTheScrubbedOnes() throws IOException {
        Path directory = work.resolve("token");
        try (Simulator simulator = Simulator.builder().auth(AuthMode.TOKEN)
                .seed(Seed.EMPTY.withUsers(List.of("carol:" + TokenSession.PASSWORD))).start();
             SessionRecorder session = new SessionRecorder(simulator.baseUri(), directory, "hubsim", "test")) {
            TokenSession.drive(session, "carol");
        }
        StoredRecording recording = RecordingReader.read(directory);
        assertThat(Files.readString(directory.resolve("interactions.json"))).doesNotContain(TokenSession.PASSWORD)
                .contains("hubsim-redacted-token-1");

        DiffReport report = RecordingDiff.run(recording, KnownDivergences.none());

        assertThat(report.mockAuth()).isEqualTo("token");
        assertThat(report.interactions()).allSatisfy(i -> assertThat(i.verdict()).as(i.toString()).isEqualTo("match"));
    }

    @Test
    void aSessionRecordedFromTheCncfRegistryDivergesOnlyWhereTheShippedListSaysWhy() throws Exception {
        Path directory = work.resolve("docker-registry");
        try (DistributionRegistry registry = DistributionRegistry.start(work.resolve("upstream"));
             SessionRecorder session = new SessionRecorder(registry.url(), directory,
                     "docker-registry (CNCF distribution)", DistributionRegistry.version())) {
            RegistrySession.drive(session);
        }

        DiffReport report = RecordingDiff.run(RecordingReader.read(directory), KnownDivergences.shipped());
        System.out.println(DiffReportText.render(report));

        assertThat(report.total()).isGreaterThan(20);
        assertThat(report.passes()).as(DiffReportText.render(report)).isTrue();
        assertThat(report.byAspect().get("status")).isEqualTo(report.total());
    }

    /** Records {@link RegistrySession} against a fresh simulator with open auth. */
    private static StoredRecording recordMockSession(Path directory) {
        try (Simulator simulator = Simulator.builder().auth(AuthMode.NONE).start();
             SessionRecorder session = new SessionRecorder(simulator.baseUri(), directory, "hubsim", "test")) {
            RegistrySession.drive(session);
        }
        return RecordingReader.read(directory);
    }

    /** Copies the recording with the tags/list response's status changed; returns the interaction's number. */
    private static int plantStatus(StoredRecording recording, Path target, int status) {
        List<Interaction> interactions = new ArrayList<>(recording.interactions());
        int index = 0;
        while (!interactions.get(index).request().path().endsWith("/tags/list")) {
            index++;
        }
        Interaction original = interactions.get(index);
        RecordedResponse response = original.response();
        interactions.set(index, new Interaction(original.request(),
                new RecordedResponse(status, response.headers(), response.body())));
        try (RecordingWriter writer = RecordingWriter.builder(target, recording.metadata()).flushInterval(Duration.ZERO).open()) {
            for (Interaction interaction : interactions) {
                // blob bodies belong to the source recording: hand them to the new one inline, it stores them again
                writer.append(new Interaction(
                        new RecordedRequest(interaction.request().method(), interaction.request().path(),
                                interaction.request().query(), interaction.request().headers(),
                                inline(recording, interaction.request().body())),
                        new RecordedResponse(interaction.response().status(), interaction.response().headers(),
                                inline(recording, interaction.response().body()))));
            }
        }
        return index + 1;
    }

    private static Body inline(StoredRecording recording, Body body) {
        if (body == null || body.isInline()) {
            return body;
        }
        try (InputStream in = recording.openBody(body)) {
            return Body.inline(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
