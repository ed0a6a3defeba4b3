package dev.hubsim.core.registry;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.DigestMismatchException;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client does when a registry sends wrong digests, truncated bodies, bad headers or non-JSON errors. */
class MalformedRegistryTest {
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
            + "\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"sha256:"
            + "a".repeat(64) + "\",\"size\":2},\"layers\":[]}";
    private static final byte[] BLOB = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    private final MockRegistry server = new MockRegistry();
    private final DockerHubClient client = server.client().maxRetries(2).build();

    MalformedRegistryTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void manifestGetAsksForAllFourMediaTypesAndVerifiesDockerContentDigest() {
        Digest right = Digest.sha256(MANIFEST.getBytes(StandardCharsets.UTF_8));
        server.answer(r -> manifest(right.toString()));

        FetchedManifest fetched = client.registry().getManifest(ImageReference.parse("alice/app:1"));

        assertThat(fetched.digest()).isEqualTo(right);
        assertThat(fetched.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(new String(fetched.bytes(), StandardCharsets.UTF_8)).isEqualTo(MANIFEST);
        assertThat(server.requests().get(0).getHeaders().get("Accept")).contains(MediaTypes.DOCKER_MANIFEST,
                MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX);
        assertThat(server.requestLines()).containsExactly("GET /v2/alice/app/manifests/1");
    }

    @Test
    void manifestWhoseBytesDoNotMatchDockerContentDigestIsRefused() {
        server.answer(r -> manifest("sha256:" + "b".repeat(64)));

        assertThatThrownBy(() -> client.registry().getManifest(ImageReference.parse("alice/app:1")))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("Tried to get manifest 1 on alice/app")
                .hasMessageContaining("sha256:" + "b".repeat(64) + " was expected");
    }

    @Test
    void manifestFetchedByDigestMustHashToThatDigestEvenWithoutTheHeader() {
        Digest asked = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
        server.answer(r -> manifest(null));

        assertThatThrownBy(() -> client.registry().getManifest(ImageReference.parse("alice/app@" + asked)))
                .isInstanceOf(DigestMismatchException.class)
                .satisfies(e -> assertThat(((DigestMismatchException) e).expected()).isEqualTo(asked));
    }

    @Test
    void blobWithWrongContentFailsAtTheEndOfTheStreamNeverSilently() throws IOException {
        Digest expected = Digest.sha256(BLOB);
        server.answer(r -> status(200).body(new Buffer().write("01234567890abcdefghX".getBytes())).build());

        try (InputStream in = client.registry().openBlob("alice/app", expected)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(DigestMismatchException.class)
                    .hasMessageContaining("get blob " + expected);
            assertThatThrownBy(in::read).isInstanceOf(DigestMismatchException.class);
        }
    }

    @Test
    void truncatedBlobIsResumedWithRangeFromTheByteItStoppedAt() throws IOException {
        server.answer(r -> r.getHeaders().get("Range") == null
                ? truncated(BLOB, 7)
                : status(206).setHeader("Content-Range", "bytes 7-19/20")
                        .body(new Buffer().write(BLOB, 7, 13)).build());

        byte[] read;
        try (InputStream in = client.registry().openBlob("alice/app", Digest.sha256(BLOB))) {
            read = in.readAllBytes();
        }

        assertThat(read).isEqualTo(BLOB);
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).getHeaders().get("Range")).isEqualTo("bytes=7-");
    }

    @Test
    void truncatedBlobThatKeepsBreakingEndsInATransportErrorAfterTheRetries() {
        server.answer(r -> truncated(BLOB, 3));

        assertThatThrownBy(() -> {
            try (InputStream in = client.registry().openBlob("alice/app", Digest.sha256(BLOB))) {
                in.readAllBytes();
            }
        }).isInstanceOf(TransportException.class);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void resumedDownloadWithAContentRangeFromElsewhereIsAProtocolViolation() {
        server.answer(r -> r.getHeaders().get("Range") == null ? truncated(BLOB, 7)
                : status(206).setHeader("Content-Range", "bytes 0-19/20").body(new Buffer().write(BLOB)).build());

        assertThatThrownBy(() -> {
            try (InputStream in = client.registry().openBlob("alice/app", Digest.sha256(BLOB))) {
                in.readAllBytes();
            }
        }).isInstanceOf(ProtocolViolationException.class).hasMessageContaining("does not start at byte 7");
    }

    @Test
    void relativeLocationIsResolvedAgainstTheRegistry() {
        server.answer(r -> switch (r.getMethod()) {
            case "POST" -> status(202).setHeader("Location", "/v2/alice/app/blobs/uploads/u1?_state=abc").build();
            case "PUT" -> status(201).build();
            default -> status(500).build();
        });

        Digest digest = client.registry().pushBlob("alice/app", BlobContent.of(BLOB));

        assertThat(digest).isEqualTo(Digest.sha256(BLOB));
        assertThat(server.requestLines()).containsExactly("POST /v2/alice/app/blobs/uploads/",
                "PUT /v2/alice/app/blobs/uploads/u1?_state=abc&digest=" + digest.toString().replace(":", "%3A"));
        assertThat(server.requests().get(1).getBody().toByteArray()).isEqualTo(BLOB);
    }

    @Test
    void absoluteLocationIsFollowedAsGiven() {
        server.answer(r -> switch (r.getMethod()) {
            case "POST" -> status(202).setHeader("Location", server.url("/elsewhere/session-9")).build();
            case "PUT" -> status(201).build();
            default -> status(500).build();
        });

        client.registry().pushBlob("alice/app", Digest.sha256(BLOB), BlobContent.of(BLOB));

        assertThat(server.requestLines().get(1)).startsWith("PUT /elsewhere/session-9?digest=sha256%3A");
    }

    @Test
    void bogusLocationsAreProtocolViolations() {
        for (String bogus : new String[] {"http://[not-a-host/x", "http://registry.example.com/v2/upload", "ftp://x/y"}) {
            server.answer(r -> status(202).setHeader("Location", bogus).build());

            assertThatThrownBy(() -> client.registry().pushBlob("alice/app", BlobContent.of(BLOB)))
                    .as(bogus).isInstanceOf(ProtocolViolationException.class).hasMessageContaining("Location");
        }
    }

    @Test
    void missingLocationIsAProtocolViolation() {
        server.answer(r -> status(202).build());

        assertThatThrownBy(() -> client.registry().pushBlob("alice/app", BlobContent.of(BLOB)))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("Tried to push blob on alice/app but failed because: the answer has no Location header");
    }

    @Test
    void blobHeadWithoutContentLengthIsAProtocolViolationAndNotFoundIsEmpty() {
        server.answer(r -> status(200).removeHeader("Content-Length").build());
        assertThatThrownBy(() -> client.registry().checkBlob("alice/app", Digest.sha256(BLOB)))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("Content-Length");

        server.answer(r -> status(404).build());
        assertThat(client.registry().checkBlob("alice/app", Digest.sha256(BLOB))).isEmpty();
    }

    @Test
    void nonJsonErrorBodyIsReportedAsAProtocolViolationWithTheStatus() {
        server.answer(r -> status(502).body("<html><body>Bad Gateway</body></html>").build());

        assertThatThrownBy(() -> client.registry().getManifest(ImageReference.parse("alice/app:1")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("without a JSON error body")
                .satisfies(e -> assertThat(((ProtocolViolationException) e).status()).isEqualTo(502));
    }

    @Test
    void jsonErrorBodyBecomesARegistryErrorWithCodesStatusAndOperation() {
        server.answer(r -> status(404).body("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\","
                + "\"detail\":{\"Tag\":\"1\"}}]}").build());

        assertThatThrownBy(() -> client.registry().getManifest(ImageReference.parse("alice/app:1")))
                .isInstanceOfSatisfying(RegistryErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.codes()).containsExactly(RegistryErrorCode.MANIFEST_UNKNOWN);
                    assertThat(e.errors().get(0).detail()).isEqualTo("{\"Tag\":\"1\"}");
                    assertThat(e.operation()).isEqualTo("get manifest 1");
                    assertThat(e.target()).isEqualTo("alice/app");
                    assertThat(e).hasMessage("Tried to get manifest 1 on alice/app but failed because: HTTP 404 "
                            + "MANIFEST_UNKNOWN (manifest unknown)");
                });
    }

    @Test
    void chunkedUploadResumesFromTheServersRangeAfterAFailedPatch() {
        // 10 bytes in chunks of 4: PATCH 0-3, PATCH 4-7 fails after the server kept 6 bytes, resume 6-7, PATCH 8-9.
        byte[] blob = "ABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII);
        AtomicInteger patches = new AtomicInteger();
        server.answer(r -> switch (r.getMethod()) {
            case "POST" -> status(202).setHeader("Location", "/up/1").build();
            case "PATCH" -> patches.incrementAndGet() == 2 ? status(503).body("{\"errors\":[{\"code\":\"UNAVAILABLE\"}]}").build()
                    : status(202).setHeader("Location", "/up/1").build();
            case "GET" -> status(204).setHeader("Range", "0-5").setHeader("Location", "/up/1").build();
            case "PUT" -> status(201).build();
            default -> status(500).build();
        });
        DockerHubClient chunked = client.newBuilder().chunkSize(4).build();

        chunked.registry().pushBlob("alice/app", Digest.sha256(blob), BlobContent.of(blob));

        assertThat(server.requests()).extracting(r -> r.getMethod() + " " + r.getHeaders().get("Content-Range") + " "
                + (r.getBody() == null ? "" : r.getBody().utf8())).containsExactly("POST null ", "PATCH 0-3 ABCD", "PATCH 4-7 EFGH", "GET null ",
                "PATCH 6-7 GH", "PATCH 8-9 IJ", "PUT null ");
    }

    @Test
    void aFileIsStreamedInOnePatchAndReadAgainFromTheServersRangeAfterAFailure(@TempDir Path directory)
            throws IOException {
        // 10 bytes, chunk size 4: one PATCH 0-9 fails after the server kept 6 bytes, the file is read again from 6
        byte[] blob = "ABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(directory.resolve("blob"), blob);
        AtomicInteger patches = new AtomicInteger();
        server.answer(r -> switch (r.getMethod()) {
            case "POST" -> status(202).setHeader("Location", "/up/1").build();
            case "PATCH" -> patches.incrementAndGet() == 1 ? status(503).body("{\"errors\":[{\"code\":\"UNAVAILABLE\"}]}").build()
                    : status(202).setHeader("Location", "/up/1").build();
            case "GET" -> status(204).setHeader("Range", "0-5").setHeader("Location", "/up/1").build();
            case "PUT" -> status(201).build();
            default -> status(500).build();
        });
        DockerHubClient chunked = client.newBuilder().chunkSize(4).build();

        Digest pushed = chunked.registry().pushBlob("alice/app", Digest.sha256(blob), BlobContent.of(file));

        assertThat(pushed).isEqualTo(Digest.sha256(blob));
        assertThat(server.requests()).extracting(r -> r.getMethod() + " " + r.getHeaders().get("Content-Range") + " "
                + (r.getBody() == null ? "" : r.getBody().utf8())).containsExactly("POST null ", "PATCH 0-9 ABCDEFGHIJ",
                "GET null ", "PATCH 6-9 GHIJ", "PUT null ");
        assertThat(server.requests().get(4).getTarget()).endsWith("digest=" + Digest.sha256(blob).toString().replace(":", "%3A"));
    }

    @Test
    void aCommitWhoseAnswerIsLostCountsAsDoneWhenTheBlobIsThere() {
        AtomicInteger puts = new AtomicInteger();
        server.answer(r -> switch (r.getMethod()) {
            case "POST" -> status(202).setHeader("Location", "/up/1").build();
            case "PUT" -> puts.incrementAndGet() == 1
                    ? status(201).onResponseStart(new SocketEffect.CloseSocket()).build() : status(201).build();
            case "HEAD" -> status(200).build();
            default -> status(500).build();
        });

        Digest pushed = client.registry().pushBlob("alice/app", Digest.sha256(BLOB), BlobContent.of(BLOB));

        assertThat(pushed).isEqualTo(Digest.sha256(BLOB));
        assertThat(server.requests()).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                .containsExactly("POST /v2/alice/app/blobs/uploads/", "PUT /up/1",
                        "HEAD /v2/alice/app/blobs/" + Digest.sha256(BLOB));
    }

    @Test
    void aCommitLostBeforeTheRegistryStoredTheBlobIsSentOnceMore() {
        AtomicInteger puts = new AtomicInteger();
        server.answer(r -> switch (r.getMethod()) {
            case "POST" -> status(202).setHeader("Location", "/up/1").build();
            case "PUT" -> puts.incrementAndGet() == 1
                    ? status(500).onResponseStart(new SocketEffect.CloseSocket()).build() : status(201).build();
            case "HEAD" -> status(404).build();
            case "GET" -> status(204).setHeader("Range", "0-0").setHeader("Location", "/up/1").build();
            default -> status(500).build();
        });

        Digest pushed = client.registry().pushBlob("alice/app", Digest.sha256(BLOB), BlobContent.of(BLOB));

        assertThat(pushed).isEqualTo(Digest.sha256(BLOB));
        // the first PUT's answer is lost; the blob is not there and the upload holds nothing: the PUT goes again
        assertThat(server.requests()).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                .containsExactly("POST /v2/alice/app/blobs/uploads/", "PUT /up/1",
                        "HEAD /v2/alice/app/blobs/" + Digest.sha256(BLOB), "GET /up/1", "PUT /up/1");
        assertThat(puts).hasValue(2);
    }

    @Test
    void uploadStatusWithoutRangeIsAProtocolViolation() {
        server.answer(r -> switch (r.getMethod()) {
            case "POST" -> status(202).setHeader("Location", "/up/1").build();
            case "PATCH" -> status(500).body("{\"errors\":[{\"code\":\"UNKNOWN\"}]}").build();
            case "GET" -> status(204).build();
            default -> status(500).build();
        });

        assertThatThrownBy(() -> client.newBuilder().chunkSize(4).build().registry()
                .pushBlob("alice/app", BlobContent.of(BLOB)))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("no valid Range header");
    }

    @Test
    void contentThatDoesNotMatchTheAnnouncedDigestIsCancelledBeforeTheCommit() {
        server.answer(r -> r.getMethod().equals("POST") ? status(202).setHeader("Location", "/up/1").build()
                : status(202).setHeader("Location", "/up/1").build());
        Digest wrong = Digest.sha256("not the blob".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> client.newBuilder().chunkSize(8).build().registry()
                .pushBlob("alice/app", wrong, BlobContent.of(BLOB)))
                .isInstanceOf(DigestMismatchException.class);
        assertThat(server.requestLines()).last().isEqualTo("DELETE /up/1");
        assertThat(server.requestLines()).noneMatch(line -> line.startsWith("PUT"));
    }

    @Test
    void mountReturnsMountedOn201AndUploadsIntoTheOfferedSessionOn202() {
        Digest digest = Digest.sha256(BLOB);
        server.answer(r -> status(201).build());
        assertThat(client.registry().mountBlob("alice/app", digest, "bob/base", BlobContent.of(BLOB)))
                .isEqualTo(MountOutcome.MOUNTED);
        assertThat(server.requestLines()).containsExactly("POST /v2/alice/app/blobs/uploads/?mount="
                + digest.toString().replace(":", "%3A") + "&from=bob%2Fbase");

        server.answer(r -> r.getMethod().equals("POST") ? status(202).setHeader("Location", "/up/7").build()
                : status(201).build());
        assertThat(client.registry().mountBlob("alice/app", digest, "bob/base", BlobContent.of(BLOB)))
                .isEqualTo(MountOutcome.UPLOADED);
        assertThat(server.requestLines()).last().asString().startsWith("PUT /up/7?digest=");
    }

    @Test
    void tagsAreListedAcrossPagesFollowingLinkAndALoopIsRefused() {
        server.answer(r -> r.getTarget().contains("last=b")
                ? status(200).body("{\"name\":\"alice/app\",\"tags\":[\"c\"]}").build()
                : status(200).setHeader("Link", "</v2/alice/app/tags/list?n=2&last=b>; rel=\"next\"")
                        .body("{\"name\":\"alice/app\",\"tags\":[\"a\",\"b\"]}").build());

        assertThat(client.registry().listTags("alice/app", 2)).containsExactly("a", "b", "c");
        assertThat(server.requestLines()).containsExactly("GET /v2/alice/app/tags/list?n=2",
                "GET /v2/alice/app/tags/list?n=2&last=b");

        server.answer(r -> status(200).setHeader("Link", "</v2/alice/app/tags/list?n=2>; rel=\"next\"")
                .body("{\"tags\":[\"a\"]}").build());
        assertThatThrownBy(() -> client.registry().listTags("alice/app", 2))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("page already read");
    }

    private static MockResponse manifest(String dockerContentDigest) {
        MockResponse.Builder response = status(200).setHeader("Content-Type", MediaTypes.OCI_MANIFEST).body(MANIFEST);
        if (dockerContentDigest != null) {
            response.setHeader("Docker-Content-Digest", dockerContentDigest);
        }
        return response.build();
    }

    /** Announces the whole blob, sends {@code sent} bytes, then closes the connection. */
    private static MockResponse truncated(byte[] blob, int sent) {
        return status(200).body(new Buffer().write(blob, 0, sent)).setHeader("Content-Length", blob.length)
                .onResponseEnd(new SocketEffect.CloseSocket()).build();
    }
}
