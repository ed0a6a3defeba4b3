package dev.hubsim.simulator.replay;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.SecretScanner;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.storage.FileTrees;
import dev.hubsim.simulator.testing.DistributionRegistry;
import dev.hubsim.simulator.testing.RegistryHttp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a shipped recording: starts {@code docker-registry} on a free loopback port, puts hubsim in record mode in
 * front of it, runs a {@link RegistrySession} with our client and the {@link RegistryCorners} raw, and writes the
 * recording to the directory given (which must not hold one), with {@value #NOTES} beside it: what each call got,
 * which {@code ShippedRecordingTest} compares the replay with. Run by {@code recordings/scripts/record-reference.sh}.
 */
public final class ReferenceRecording {
    /** The notes of the recorded session, one line per call. */
    static final String NOTES = "session-notes.txt";

    private ReferenceRecording() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ReferenceRecording OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("hubsim-reference-");
        List<String> notes = new ArrayList<>();
        try (DistributionRegistry registry = DistributionRegistry.start(work, 0);
             Simulator recorder = Simulator.builder()
                     .mode(Mode.record(Upstreams.registry(registry.url().toString()), out)
                             .describing(DistributionRegistry.SERVER, DistributionRegistry.version()))
                     .start()) {
            notes.addAll(RegistrySession.run(DockerHubClient.builder().registryUrl(recorder.baseUri().toString())
                    .anonymous().chunkSize(RegistrySession.CHUNK_SIZE).maxRetries(0).build()));
            notes.addAll(RegistryCorners.run(new RegistryHttp(recorder.baseUri())));
        } finally {
            FileTrees.deleteRecursively(work);
        }
        Files.write(out.resolve(NOTES), notes);
        SecretScanner.patternsOnly().verifyClean(out);
        System.out.println("recorded " + RecordingReader.read(out).interactions().size() + " interactions into " + out);
    }
}
