package dev.hubsim.recordings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.hubsim.recordings.Exchanges.METADATA;
import static dev.hubsim.recordings.Exchanges.interaction;
import static dev.hubsim.recordings.Exchanges.request;
import static dev.hubsim.recordings.Exchanges.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void readsBackEveryInteractionAndBodyByteForByte() throws IOException {
        byte[] layer = randomBytes(300_000, 1);
        byte[] smallBinary = {0, 1, 2, (byte) 0xff, 10};
        String manifest = "{\n   \"schemaVersion\": 2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}";
        Path recording = dir.resolve("rec");
        try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
            writer.append(interaction(request("GET", "/v2/library/nginx/manifests/1.25?n=1&last=a%2Fb",
                            "Accept", "application/vnd.oci.image.manifest.v1+json"),
                    response(200, manifest, "Content-Type", "application/vnd.oci.image.manifest.v1+json")));
            writer.append(interaction(request("GET", "/v2/library/nginx/blobs/sha256:small"),
                    RecordedResponse.of(200, Exchanges.headers(), Body.inline(smallBinary))));
            writer.append(interaction(request("GET", "/v2/library/nginx/blobs/sha256:large"),
                    RecordedResponse.of(200, Exchanges.headers(), capture(writer, layer))));
        }

        StoredRecording stored = RecordingReader.read(recording);

        assertThat(stored.metadata()).isEqualTo(METADATA);
        List<Interaction> interactions = stored.interactions();
        assertThat(interactions).hasSize(3);
        RecordedRequest first = interactions.get(0).request();
        assertThat(first.query()).containsExactly(new QueryParameter("n", "1"), new QueryParameter("last", "a/b"));
        assertThat(first.header("accept")).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(read(stored, interactions.get(0).response().body())).isEqualTo(manifest.getBytes(StandardCharsets.UTF_8));
        assertThat(interactions.get(0).response().body().encoding()).isEqualTo(BodyEncoding.TEXT);
        assertThat(interactions.get(1).response().body().encoding()).isEqualTo(BodyEncoding.BASE64);
        assertThat(read(stored, interactions.get(1).response().body())).isEqualTo(smallBinary);
        Body large = interactions.get(2).response().body();
        assertThat(large.encoding()).isEqualTo(BodyEncoding.BLOB);
        assertThat(large.size()).isEqualTo(layer.length);
        assertThat(read(stored, large)).isEqualTo(layer);
        assertThat(recording.resolve("blobs/sha256/" + large.digest().hex())).exists();
    }

    @Test
    void storesALargeBodyOnceHoweverOftenItIsRecorded() throws IOException {
        byte[] layer = randomBytes(50_000, 2);
        Path recording = dir.resolve("rec");
        try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
            for (int i = 0; i < 3; i++) {
                writer.append(interaction(request("GET", "/v2/a/blobs/x"),
                        RecordedResponse.of(200, Exchanges.headers(), capture(writer, layer))));
            }
        }

        try (Stream<Path> blobs = Files.list(recording.resolve("blobs/sha256"))) {
            assertThat(blobs.toList()).hasSize(1);
        }
        assertThat(recording.resolve(".partial")).doesNotExist();
        StoredRecording stored = RecordingReader.read(recording);
        assertThat(stored.interactions()).extracting(i -> i.response().body().digest()).containsOnly(
                stored.interactions().get(0).response().body().digest());
    }

    @Test
    void theSameInteractionsAlwaysGiveTheSameFileAndReadingThenRenderingChangesNothing() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        for (Path recording : List.of(one, two)) {
            try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
                writer.append(interaction(request("GET", "/token?scope=repository:a:pull&service=registry",
                        "Accept", "application/json", "Authorization", "Bearer secret-a"),
                        response(200, "{\"token\":\"secret-b\"}", "Content-Type", "application/json")));
                writer.append(interaction(request("HEAD", "/v2/a/manifests/1", "Authorization", "Bearer secret-b"),
                        response(404, null, "Docker-Distribution-Api-Version", "registry/2.0")));
            }
        }

        byte[] file = Files.readAllBytes(one.resolve("interactions.json"));
        assertThat(file).isEqualTo(Files.readAllBytes(two.resolve("interactions.json")));
        assertThat(RecordingDocument.render(RecordingReader.read(one).recording())).isEqualTo(file);
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"format\": 1,\n  \"metadata\": {\n    \"server\": ");
        assertThat(text).contains("\n  \"interactions\": [\n    {\n      \"request\": {\n        \"method\": \"GET\",\n"
                + "        \"path\": \"/token\",\n");
        assertThat(text.indexOf("\"accept\"")).isLessThan(text.indexOf("\"authorization\""));
        assertThat(text.indexOf("\"status\": 404")).isLessThan(text.indexOf("\"docker-distribution-api-version\""));
    }

    @Test
    void teeWritesTheBodyToTheClientAndToTheRecording() throws IOException {
        byte[] layer = randomBytes(20_000, 3);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        Path recording = dir.resolve("rec");
        try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
            BodyCapture capture = writer.captureBody();
            try (InputStream upstream = new java.io.ByteArrayInputStream(layer); OutputStream tee = capture.tee(client)) {
                upstream.transferTo(tee);
            }
            writer.append(interaction(request("GET", "/v2/a/blobs/x"),
                    RecordedResponse.of(200, Exchanges.headers(), capture.body())));
        }

        assertThat(client.toByteArray()).isEqualTo(layer);
        StoredRecording stored = RecordingReader.read(recording);
        assertThat(read(stored, stored.interactions().get(0).response().body())).isEqualTo(layer);
    }

    @Test
    void aDiscardedCaptureLeavesNoBlobAndAnEmptyCaptureIsNoBody() throws IOException {
        Path recording = dir.resolve("rec");
        try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
            BodyCapture broken = writer.captureBody();
            broken.write(randomBytes(10_000, 4));
            broken.discard();
            assertThat(broken.body()).isNull();
            BodyCapture empty = writer.captureBody();
            empty.close();
            assertThat(empty.body()).isNull();
            assertThatThrownBy(() -> writer.captureBody().body()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close the body capture");
        }
        assertThat(recording.resolve("blobs")).doesNotExist();
        assertThat(recording.resolve(".partial")).doesNotExist();
    }

    @Test
    void anInlineBodyOverTheLimitIsMovedToABlob() {
        byte[] big = randomBytes(Body.INLINE_LIMIT + 1, 5);
        Path recording = dir.resolve("rec");
        try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
            Interaction stored = writer.append(interaction(request("GET", "/v2/a/blobs/x"),
                    RecordedResponse.of(200, Exchanges.headers(), Body.inline(big))));
            assertThat(stored.response().body().encoding()).isEqualTo(BodyEncoding.BLOB);
        }
        Body body = RecordingReader.read(recording).interactions().get(0).response().body();
        assertThat(recording.resolve("blobs/sha256/" + body.digest().hex())).hasBinaryContent(big);
    }

    @Test
    void aBlobBodyMustComeFromTheSameRecording() throws IOException {
        Body foreign;
        try (RecordingWriter other = RecordingWriter.create(dir.resolve("other"), METADATA)) {
            foreign = capture(other, randomBytes(10_000, 6));
        }
        try (RecordingWriter writer = RecordingWriter.create(dir.resolve("rec"), METADATA)) {
            assertThatThrownBy(() -> writer.append(interaction(request("GET", "/v2/a/blobs/x"),
                    RecordedResponse.of(200, Exchanges.headers(), foreign))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(foreign.digest().toString()).hasMessageContaining("captureBody()");
        }
    }

    @Test
    void aDirectoryThatHoldsARecordingIsNotOverwritten() {
        Path recording = dir.resolve("rec");
        RecordingWriter.create(recording, METADATA).close();
        assertThatThrownBy(() -> RecordingWriter.create(recording, METADATA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds a recording");
    }

    @Test
    void aContinuedRecordingKeepsItsInteractionsAndNumbersNewPlaceholdersAfterTheOldOnes() throws IOException {
        Path recording = dir.resolve("rec");
        try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
            writer.append(interaction(request("GET", "/v2/a/manifests/1", "Authorization", "Bearer first-secret"),
                    response(200, "{}")));
        }
        byte[] before = Files.readAllBytes(recording.resolve("interactions.json"));

        try (RecordingWriter writer = RecordingWriter.continuing(RecordingReader.read(recording)).open()) {
            writer.append(interaction(request("GET", "/v2/a/manifests/2", "Authorization", "Bearer second-secret"),
                    response(200, "{}")));
        }

        StoredRecording stored = RecordingReader.read(recording);
        assertThat(stored.metadata()).isEqualTo(METADATA);
        assertThat(stored.interactions()).extracting(i -> i.request().header("authorization"))
                .containsExactly("Bearer hubsim-redacted-token-1", "Bearer hubsim-redacted-token-2");
        String after = Files.readString(recording.resolve("interactions.json"));
        String common = new String(before, StandardCharsets.UTF_8).replace("\n    }\n  ]\n}\n", "");
        assertThat(after).startsWith(common);
    }

    @Test
    void concurrentAppendsAreAllRecorded() throws Exception {
        Path recording = dir.resolve("rec");
        int threads = 8;
        int each = 50;
        try (RecordingWriter writer = RecordingWriter.create(recording, METADATA)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        writer.append(interaction(request("GET", "/v2/t" + thread + "/manifests/" + i),
                                response(200, "{\"n\":" + i + "}")));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
        }
        List<Interaction> interactions = RecordingReader.read(recording).interactions();
        assertThat(interactions).hasSize(threads * each);
        assertThat(interactions.stream().map(i -> i.request().path()).distinct()).hasSize(threads * each);
    }

    @Test
    void aWriterThatIsNeverClosedLeavesEveryCompletedInteractionReadable() throws IOException {
        Path recording = dir.resolve("rec");
        RecordingWriter writer = RecordingWriter.builder(recording, METADATA).flushInterval(Duration.ZERO).open();
        assertThat(RecordingReader.read(recording).interactions()).isEmpty();
        writer.append(interaction(request("GET", "/v2/"), response(200, "{}")));
        writer.append(interaction(request("GET", "/v2/a/blobs/x"),
                RecordedResponse.of(200, Exchanges.headers(), capture(writer, randomBytes(10_000, 7)))));
        BodyCapture inFlight = writer.captureBody();
        inFlight.write(randomBytes(100_000, 8));

        StoredRecording stored = RecordingReader.read(recording);

        assertThat(stored.interactions()).extracting(i -> i.request().path()).containsExactly("/v2/", "/v2/a/blobs/x");
        assertThat(SecretScanner.patternsOnly().scan(recording)).isEmpty();
    }

    @Test
    void withTheDefaultIntervalTheFileCatchesUpWithoutAClose() throws InterruptedException {
        Path recording = dir.resolve("rec");
        RecordingWriter writer = RecordingWriter.create(recording, METADATA);
        for (int i = 0; i < 5; i++) {
            writer.append(interaction(request("GET", "/v2/a/manifests/" + i), response(200, "{}")));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (RecordingReader.read(recording).interactions().size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(RecordingReader.read(recording).interactions()).hasSize(5);
    }

    static Body capture(RecordingWriter writer, byte[] bytes) throws IOException {
        BodyCapture capture = writer.captureBody();
        try (capture) {
            for (int offset = 0; offset < bytes.length; offset += 1000) {
                capture.write(bytes, offset, Math.min(1000, bytes.length - offset));
            }
        }
        return capture.body();
    }

    static byte[] read(StoredRecording stored, Body body) throws IOException {
        try (InputStream in = stored.openBody(body)) {
            return in.readAllBytes();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
