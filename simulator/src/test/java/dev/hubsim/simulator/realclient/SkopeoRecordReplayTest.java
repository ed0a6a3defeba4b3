package dev.hubsim.simulator.realclient;

import dev.hubsim.recordings.SecretScanner;
import dev.hubsim.core.testing.Skopeo;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.replay.Mode;
import dev.hubsim.simulator.replay.Upstreams;
import dev.hubsim.simulator.testing.DistributionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * skopeo through hubsim in record mode in front of the CNCF registry (push, pull, list tags, raw manifest), then the
 * same pulls from the replay with the registry stopped: the same files, byte for byte. The push is not replayed:
 * skopeo uploads layers in parallel, so which upload session (handed out in recorded order) gets which layer changes
 * from run to run.
 */
class SkopeoRecordReplayTest {
    private static final String IMAGE = "recorded/app:v1";

    @TempDir
    Path work;

    @Test
    void skopeoPullsTheSameBytesFromTheReplayAsThroughTheRecorder() throws Exception {
        Skopeo skopeo = Skopeo.require(Files.createDirectories(work.resolve("skopeo-home")));
        OciLayout layout = OciLayout.write(work.resolve("layout"));
        Path recording = work.resolve("recording");
        Pulled recorded;
        try (DistributionRegistry registry = DistributionRegistry.start(work.resolve("registry"));
             Simulator recorder = Simulator.builder()
                     .mode(Mode.record(Upstreams.registry(registry.url().toString()), recording)).start()) {
            String host = recorder.baseUri().getAuthority();
            skopeo.run("copy", "--dest-tls-verify=false", "--dest-no-creds", "--preserve-digests",
                    layout.reference(OciLayout.IMAGE_TAG), "docker://" + host + "/" + IMAGE).orFail();
            recorded = pull(skopeo, host, work.resolve("through-recorder"));
        }

        Pulled replayed;
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording)).start()) {
            replayed = pull(skopeo, replay.baseUri().getAuthority(), work.resolve("from-replay"));
            replay.replayMisses().verifyNone();
        }

        assertThat(recorded.files().get("manifest.json")).isEqualTo(layout.image().manifest());
        assertThat(recorded.files()).hasSize(layout.image().blobDigests().size() + 2);
        assertThat(replayed.files().keySet()).isEqualTo(recorded.files().keySet());
        recorded.files().forEach((name, bytes) -> assertThat(replayed.files().get(name)).as(name).isEqualTo(bytes));
        assertThat(replayed.rawManifest()).isEqualTo(layout.image().manifest());
        assertThat(replayed.tags()).isEqualTo(recorded.tags()).contains("\"v1\"");
        SecretScanner.patternsOnly().verifyClean(recording);
    }

    /** What skopeo got: the files of {@code copy docker:// dir:}, {@code inspect --raw} and the tags of {@code list-tags}. */
    private record Pulled(Map<String, byte[]> files, byte[] rawManifest, String tags) {
    }

    private static Pulled pull(Skopeo skopeo, String host, Path into) throws IOException {
        String image = "docker://" + host + "/" + IMAGE;
        skopeo.run("copy", "--src-tls-verify=false", "--src-no-creds", "--preserve-digests", image, "dir:" + into).orFail();
        byte[] raw = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds", image).orFail().stdoutBytes();
        String listed = skopeo.run("list-tags", "--tls-verify=false", "--no-creds", "docker://" + host + "/recorded/app")
                .orFail().stdout();
        String tags = listed.substring(listed.indexOf("\"Tags\""));
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(into)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return new Pulled(files, raw, tags);
    }
}
