package dev.hubsim.simulator.mirror;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.DockerHubException;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.FetchedManifest;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.testing.DistributionRegistry;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pull-through cache in front of the CNCF reference registry started by the test: what reaches the upstream is
 * read from the upstream's own access log.
 */
class MirrorHttpTest {
    private static final String REPOSITORY = "team/app";
    private static final Duration TTL = Duration.ofMinutes(5);

    @TempDir
    Path work;

    private DistributionRegistry upstream;
    private RegistryHttp upstreamHttp;
    private Simulator mirror;
    private RegistryHttp mirrorHttp;
    private DockerHubClient client;
    private Image image;

    @BeforeEach
    void start() throws IOException, InterruptedException {
        upstream = DistributionRegistry.start(work.resolve("upstream"));
        upstreamHttp = new RegistryHttp(upstream.url());
        image = TestImages.image(MediaTypes.OCI_MANIFEST, 2, 300 * 1024 + 7);
        upstreamHttp.pushImage(REPOSITORY, "v1", image);
        mirror = Simulator.builder().mirrorOf(MirrorSettings.of(upstream.url()).withTagTtl(TTL)).start();
        mirrorHttp = new RegistryHttp(mirror.baseUri());
        client = DockerHubClient.builder().registryUrl(mirror.baseUri().toString()).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (mirror != null) {
            mirror.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void theSecondPullIsByteIdenticalAndMakesNoUpstreamRequest() throws IOException {
        int before = upstream.requests().size();

        List<byte[]> first = pull("v1");
        int afterFirst = upstream.requests().size();
        List<byte[]> second = pull("v1");

        assertThat(first).containsExactlyElementsOf(expectedContent());
        assertThat(second).containsExactlyElementsOf(expectedContent());
        assertThat(afterFirst - before).as("manifest and three blobs fetched once, plus /v2/").isGreaterThanOrEqualTo(4);
        assertThat(upstream.requests()).hasSize(afterFirst);
        MirrorStats stats = mirror.mirror().orElseThrow().stats();
        assertThat(stats.repository(REPOSITORY).misses()).isEqualTo(4);
        assertThat(stats.repository(REPOSITORY).hits()).isEqualTo(4);
        assertThat(stats.repository(REPOSITORY).upstreamRequests()).isEqualTo(4);
        assertThat(stats.upstreamRequests()).isEqualTo(afterFirst - before);
    }

    @Test
    void aCachedImageIsServedWithTheUpstreamStopped() throws IOException, InterruptedException {
        pull("v1");
        pull(image.digest().toString());
        upstream.close();

        assertThat(pull("v1")).containsExactlyElementsOf(expectedContent());
        assertThat(pull(image.digest().toString())).containsExactlyElementsOf(expectedContent());
    }

    @Test
    void theStatisticsAreServedByTheAdminApi() throws IOException {
        pull("v1");
        pull("v1");

        Reply stats = mirrorHttp.get("/_hubsim/mirror").expect(200);

        assertThat(stats.json().path("upstream").asText()).isEqualTo(upstream.url().toString());
        assertThat(stats.json().path("misses").asLong()).isEqualTo(4);
        assertThat(stats.json().path("hits").asLong()).isEqualTo(4);
        assertThat(stats.json().path("repositories").path(REPOSITORY).path("upstreamRequests").asLong()).isEqualTo(4);
    }

    @Test
    void aTagIsRevalidatedWithAHeadOnceItsTtlHasPassedOnTheVirtualClock() throws IOException {
        pull("v1");
        Image next = TestImages.image(MediaTypes.OCI_MANIFEST, 1, 1000);
        upstreamHttp.pushImage(REPOSITORY, "v1", next);
        int pushed = upstream.requests().size();

        mirror.clock().advance(TTL.minusSeconds(1));
        assertThat(manifest("v1").digest()).as("within the TTL: the cached tag").isEqualTo(image.digest());
        assertThat(upstream.requests()).hasSize(pushed);

        mirror.clock().advance(Duration.ofSeconds(2));
        assertThat(manifest("v1").digest()).as("after the TTL: the tag as upstream has it now").isEqualTo(next.digest());
        assertThat(upstream.requests().subList(pushed, upstream.requests().size()))
                .containsExactly("HEAD /v2/team/app/manifests/v1", "GET /v2/team/app/manifests/v1");

        int refetched = upstream.requests().size();
        mirror.clock().advance(TTL.plusSeconds(1));
        assertThat(manifest("v1").digest()).isEqualTo(next.digest());
        assertThat(upstream.requests().subList(refetched, upstream.requests().size()))
                .as("unchanged upstream: a HEAD and nothing else").containsExactly("HEAD /v2/team/app/manifests/v1");
        assertThat(manifest("v1").digest()).isEqualTo(next.digest());
        assertThat(upstream.requests()).hasSize(refetched + 1);
        assertThat(mirror.mirror().orElseThrow().stats().revalidations()).isEqualTo(2);
    }

    @Test
    void aStaleTagIsServedFromTheCacheWhenTheUpstreamCannotBeReached() throws IOException, InterruptedException {
        pull("v1");
        upstream.close();
        mirror.clock().advance(TTL.plusMinutes(1));

        assertThat(manifest("v1").digest()).isEqualTo(image.digest());
    }

    @Test
    void aBlobWhoseUpstreamBytesDoNotMatchItsDigestIsNotStoredAndTheClientTransferBreaks() throws IOException {
        Blob layer = image.blobs().get(1);
        byte[] tampered = layer.bytes().clone();
        tampered[tampered.length / 2] ^= 0x55;
        Files.write(upstream.blobFile(layer.digest().toString()), tampered);

        String path = "/v2/" + REPOSITORY + "/blobs/" + layer.digest();

        assertThatThrownBy(() -> mirrorHttp.get(path)).as("the response is cut before its last bytes")
                .isInstanceOf(UncheckedIOException.class);
        assertThat(mirror.registry().hasBlob(REPOSITORY, layer.digest())).isFalse();
        assertThatThrownBy(() -> read(layer.digest())).as("our client, which resumes: refused every time")
                .isInstanceOfAny(DockerHubException.class, IOException.class);
        assertThat(mirror.registry().hasBlob(REPOSITORY, layer.digest())).isFalse();
        long upstreamGets = upstream.requests().stream().filter(r -> r.equals("GET " + path)).count();
        assertThat(upstreamGets).isGreaterThanOrEqualTo(2)
                .isEqualTo(mirror.mirror().orElseThrow().stats().repository(REPOSITORY).misses());
        assertThat(mirror.mirror().orElseThrow().stats().repository(REPOSITORY).hits()).isZero();
    }

    @Test
    void anUnreachableUpstreamIsAServiceUnavailableRegistryError() throws InterruptedException {
        upstream.close();

        Reply manifest = mirrorHttp.getManifest(REPOSITORY, "v1");
        Reply blob = mirrorHttp.get("/v2/" + REPOSITORY + "/blobs/" + image.blobs().get(1).digest());

        for (Reply reply : List.of(manifest, blob)) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.errorCode()).isEqualTo("UNAVAILABLE");
            assertThat(reply.error().path("message").asText()).contains(upstream.url().toString()).contains("cannot be reached");
        }
    }

    @Test
    void whatTheUpstreamLacksIsItsOwnRegistryError() {
        Reply manifest = mirrorHttp.getManifest(REPOSITORY, "missing");
        Reply blob = mirrorHttp.get("/v2/" + REPOSITORY + "/blobs/" + Digest.sha256(new byte[] {1, 2, 3}));
        Reply head = mirrorHttp.head("/v2/" + REPOSITORY + "/blobs/" + Digest.sha256(new byte[] {1, 2, 3}));

        assertThat(manifest.status()).isEqualTo(404);
        assertThat(manifest.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(blob.status()).isEqualTo(404);
        assertThat(blob.errorCode()).isEqualTo("BLOB_UNKNOWN");
        assertThat(head.status()).isEqualTo(404);
    }

    @Test
    void aBlobHeadOfAnUncachedBlobAsksTheUpstreamWithoutFetchingIt() throws IOException {
        Blob layer = image.blobs().get(1);

        Reply head = mirrorHttp.head("/v2/" + REPOSITORY + "/blobs/" + layer.digest()).expect(200);

        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(layer.size()));
        assertThat(head.header("Docker-Content-Digest")).isEqualTo(layer.digest().toString());
        assertThat(upstream.requests()).contains("HEAD /v2/team/app/blobs/" + layer.digest())
                .doesNotContain("GET /v2/team/app/blobs/" + layer.digest());
        assertThat(mirror.registry().hasBlob(REPOSITORY, layer.digest())).isFalse();
    }

    @Test
    void pushesAndDeletesAreRefusedAsDistributionsProxyRefusesThem() throws IOException {
        int before = upstream.requests().size();
        List<Reply> replies = List.of(
                mirrorHttp.post("/v2/" + REPOSITORY + "/blobs/uploads/", new byte[0]),
                mirrorHttp.putManifest(REPOSITORY, "v2", image.bytes(), image.mediaType()),
                mirrorHttp.delete("/v2/" + REPOSITORY + "/manifests/" + image.digest()),
                mirrorHttp.delete("/v2/" + REPOSITORY + "/blobs/" + image.blobs().get(0).digest()));

        for (Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
            assertThat(reply.errorCode()).isEqualTo("UNSUPPORTED");
        }
        assertThat(upstream.requests()).hasSize(before);
    }

    private List<byte[]> pull(String reference) throws IOException {
        FetchedManifest manifest = manifest(reference);
        List<byte[]> content = new java.util.ArrayList<>();
        content.add(manifest.bytes());
        for (var descriptor : manifest.manifest().blobReferences()) {
            content.add(read(descriptor.digest()));
        }
        return content;
    }

    private FetchedManifest manifest(String reference) {
        String separator = reference.contains(":") ? "@" : ":";
        return client.registry().getManifest(ImageReference.parse(mirror.baseUri().getAuthority() + "/" + REPOSITORY
                + separator + reference));
    }

    private byte[] read(Digest digest) throws IOException {
        try (InputStream in = client.registry().openBlob(REPOSITORY, digest)) {
            return in.readAllBytes();
        }
    }

    private List<byte[]> expectedContent() {
        List<byte[]> content = new java.util.ArrayList<>();
        content.add(image.bytes());
        image.blobs().forEach(blob -> content.add(blob.bytes()));
        return content;
    }
}
