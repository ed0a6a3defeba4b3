package dev.hubsim.simulator.realclient;

import dev.hubsim.core.testing.Skopeo;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.mirror.MirrorStats;
import dev.hubsim.simulator.testing.DistributionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * skopeo pulls a two-platform index through the mirror from the CNCF reference registry twice: the copies are
 * byte-identical to what was pushed, and the second is made with the upstream stopped.
 */
class SkopeoMirrorTest {
    @TempDir
    Path work;

    @Test
    void skopeoPullsAnIndexThroughTheMirrorTwiceTheSecondTimeWithTheUpstreamStopped() throws Exception {
        Skopeo skopeo = Skopeo.require(Files.createDirectories(work.resolve("skopeo-home")));
        OciLayout layout = OciLayout.write(work.resolve("layout"));
        DistributionRegistry upstream = DistributionRegistry.start(work.resolve("upstream"));
        try (Simulator mirror = Simulator.builder().mirrorOf(upstream.url()).start()) {
            skopeo.run("copy", "--all", "--dest-tls-verify=false", "--dest-no-creds", "--preserve-digests",
                    layout.reference(OciLayout.INDEX_TAG), "docker://" + upstream.url().getAuthority() + "/team/multi:v1")
                    .orFail();
            String source = "docker://" + mirror.baseUri().getAuthority() + "/team/multi:v1";
            int beforePull = upstream.requests().size();

            Path first = copy(skopeo, source, work.resolve("first"));
            int afterFirst = upstream.requests().size();
            upstream.close();
            Path second = copy(skopeo, source, work.resolve("second"));

            assertThat(afterFirst).isGreaterThan(beforePull);
            for (Path copy : List.of(first, second)) {
                assertThat(Files.readAllBytes(copy.resolve("manifest.json"))).isEqualTo(layout.index());
                Map<String, byte[]> blobs = Skopeo.directoryBlobs(copy);
                assertThat(blobs).hasSize(layout.amd64().blobDigests().size() + layout.arm64().blobDigests().size());
                blobs.forEach((hex, bytes) -> assertThat(bytes).as(hex).isEqualTo(layout.blob("sha256:" + hex)));
            }
            MirrorStats stats = mirror.mirror().orElseThrow().stats();
            assertThat(stats.upstreamRequests()).isEqualTo(afterFirst - beforePull);
            assertThat(stats.hits()).as("the second copy: every request a hit").isGreaterThanOrEqualTo(stats.misses());
        } finally {
            upstream.close();
        }
    }

    private static Path copy(Skopeo skopeo, String source, Path target) {
        skopeo.run("copy", "--all", "--src-tls-verify=false", "--src-no-creds", "--preserve-digests", source,
                "dir:" + target).orFail();
        return target;
    }
}
