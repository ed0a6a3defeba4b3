package dev.hubsim.simulator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.simulator.testing.HubsimProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hubsim serve --storage DIR} in a child JVM: what was pushed survives a stop and a restart byte for byte,
 * and a SIGKILL in the middle of an upload leaves neither a partial blob nor a damaged index behind.
 */
class PersistenceTest {
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everythingPushedSurvivesAStopAndARestartOnTheSameStorageByteForByte() throws Exception {
        Path storage = work.resolve("storage");
        Image first = Image.random(11, 2);
        Image second = Image.random(12, 1);
        HubsimProcess before = HubsimProcess.serve(storage, work.resolve("logs"));
        try {
            URI base = before.baseUri();
            pushMonolithic(base, "persist/app", first.config);
            pushChunked(base, "persist/app", first.layers.get(0), 3);
            pushMonolithic(base, "persist/app", first.layers.get(1));
            assertThat(putManifest(base, "persist/app", "v1", first.manifest).statusCode()).isEqualTo(201);
            assertThat(putManifest(base, "persist/app", "latest", first.manifest).statusCode()).isEqualTo(201);
            pushMonolithic(base, "persist/app", second.config);
            pushMonolithic(base, "persist/app", second.layers.get(0));
            assertThat(putManifest(base, "persist/app", "doomed", second.manifest).statusCode()).isEqualTo(201);
            assertThat(send(request(base, "/v2/persist/app/manifests/" + second.digest).DELETE()).statusCode()).isEqualTo(202);
            assertThat(send(request(base, "/v2/persist/mirror/blobs/uploads/?mount=" + first.layers.get(1).digest
                    + "&from=persist/app").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(201);

            assertThat(before.stop()).as("exit code after SIGTERM").isNotEqualTo(-1);
        } finally {
            before.close();
        }

        HubsimProcess after = HubsimProcess.serve(storage, work.resolve("logs"));
        try {
            URI base = after.baseUri();
            assertThat(tags(base, "persist/app")).containsExactly("latest", "v1");
            assertThat(catalog(base)).containsExactly("persist/app", "persist/mirror");
            for (String reference : List.of("v1", "latest", first.digest)) {
                HttpResponse<byte[]> manifest = getManifest(base, "persist/app", reference);
                assertThat(manifest.statusCode()).as("GET manifest %s", reference).isEqualTo(200);
                assertThat(manifest.body()).isEqualTo(first.manifest);
                assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(first.digest);
                assertThat(manifest.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
            }
            for (Blob blob : first.blobs()) {
                HttpResponse<byte[]> response = getBlob(base, "persist/app", blob.digest);
                assertThat(response.statusCode()).as("GET blob %s", blob.digest).isEqualTo(200);
                assertThat(response.body()).isEqualTo(blob.bytes);
            }
            assertThat(getManifest(base, "persist/app", second.digest).statusCode())
                    .as("a manifest deleted before the restart stays deleted").isEqualTo(404);
            assertThat(getBlob(base, "persist/mirror", first.layers.get(1).digest).body())
                    .as("a blob mounted before the restart stays mounted").isEqualTo(first.layers.get(1).bytes);
            assertThat(getBlob(base, "persist/mirror", first.config.digest).statusCode())
                    .as("a blob never mounted into persist/mirror is not there").isEqualTo(404);
        } finally {
            after.stop();
            after.close();
        }
        assertStorageIsConsistent(storage);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSigkillDuringALargeUploadLeavesNoPartialBlobAndKeepsCommittedContentIntact() throws Exception {
        Path storage = work.resolve("storage");
        Image committed = Image.random(21, 2);
        long total = 256L * MIB;
        long pauseAt = 32L * MIB;
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> upload;
        String location;
        HubsimProcess doomed = HubsimProcess.serve(storage, work.resolve("logs"));
        try {
            URI base = doomed.baseUri();
            for (Blob blob : committed.blobs()) {
                pushMonolithic(base, "crash/app", blob);
            }
            assertThat(putManifest(base, "crash/app", "v1", committed.manifest).statusCode()).isEqualTo(201);

            HttpResponse<String> started = send(request(base, "/v2/crash/app/blobs/uploads/")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(started.statusCode()).isEqualTo(202);
            location = started.headers().firstValue("Location").orElseThrow();
            // 256 MiB announced; the generator stops after 32 MiB, so the upload is certainly still open at the kill.
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(total, pauseAt, release)), total);
            upload = http.sendAsync(HttpRequest.newBuilder(URI.create(location))
                    .header("Content-Type", "application/octet-stream")
                    .method("PATCH", body).build(), HttpResponse.BodyHandlers.ofString());
            Path partial = awaitPartialFile(storage, 16L * MIB);

            doomed.kill();

            assertThat(Files.size(partial)).as("the kill happened mid-upload")
                    .isGreaterThanOrEqualTo(16L * MIB).isLessThan(total);
        } finally {
            doomed.close();
            release.countDown();
        }
        upload.cancel(true);
        Path partial = awaitPartialFile(storage, 16L * MIB);
        String partialDigest = sha256(Files.readAllBytes(partial));
        String fullDigest = Generated.digest(total);

        HubsimProcess restarted = HubsimProcess.serve(storage, work.resolve("logs"));
        try {
            URI base = restarted.baseUri();
            for (String digest : List.of(fullDigest, partialDigest)) {
                HttpResponse<String> head = send(request(base, "/v2/crash/app/blobs/" + digest)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
                assertThat(head.statusCode()).as("HEAD %s", digest).isEqualTo(404);
                HttpResponse<String> get = send(request(base, "/v2/crash/app/blobs/" + digest).GET());
                assertThat(get.statusCode()).as("GET %s", digest).isEqualTo(404);
                assertThat(errorCode(get.body())).isEqualTo("BLOB_UNKNOWN");
            }
            HttpResponse<String> session = send(HttpRequest.newBuilder(restarted(location, base)).GET());
            assertThat(session.statusCode()).as("the interrupted upload session").isEqualTo(404);
            assertThat(errorCode(session.body())).isEqualTo("BLOB_UPLOAD_UNKNOWN");
            assertThat(partial).as("the partial upload is cleaned up at start").doesNotExist();
            assertThat(listFiles(storage)).as("no large leftover anywhere in the storage")
                    .allSatisfy(file -> assertThat(Files.size(file)).as("size of %s", file).isLessThan(16L * MIB));

            assertThat(tags(base, "crash/app")).containsExactly("v1");
            HttpResponse<byte[]> manifest = getManifest(base, "crash/app", "v1");
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.body()).isEqualTo(committed.manifest);
            for (Blob blob : committed.blobs()) {
                assertThat(getBlob(base, "crash/app", blob.digest).body()).as("blob %s", blob.digest).isEqualTo(blob.bytes);
            }
            Blob fresh = Blob.random(22, MIB);
            pushChunked(base, "crash/app", fresh, 2);
            assertThat(getBlob(base, "crash/app", fresh.digest).body()).as("uploads work again").isEqualTo(fresh.bytes);
        } finally {
            restarted.close();
        }
        assertStorageIsConsistent(storage);
    }

    // ---- storage checks ------------------------------------------------------------------------------------

    /** Every blob file hashes to its name (in its two-hex directory); every repository index is JSON. */
    private static void assertStorageIsConsistent(Path storage) throws IOException {
        List<Path> blobs = listFiles(storage.resolve("blobs"));
        assertThat(blobs).isNotEmpty();
        for (Path file : blobs) {
            String name = file.getFileName().toString();
            assertThat(file.getParent().getParent().getFileName()).as("algorithm directory of %s", file).hasToString("sha256");
            assertThat(file.getParent().getFileName()).as("fan-out directory of %s", file).hasToString(name.substring(0, 2));
            assertThat(sha256(Files.readAllBytes(file))).as("digest of %s", file).isEqualTo("sha256:" + name);
        }
        List<Path> indexes = listFiles(storage.resolve("repositories")).stream()
                .filter(f -> f.getFileName().toString().equals("_index.json")).toList();
        assertThat(indexes).isNotEmpty();
        for (Path index : indexes) {
            JsonNode record = JSON.readTree(index.toFile());
            assertThat(record.isObject()).as("%s is a JSON object", index).isTrue();
            assertThat(record.path("name").asText()).as("name in %s", index)
                    .isEqualTo(storage.resolve("repositories").relativize(index.getParent()).toString().replace('\\', '/'));
        }
    }

    private static List<Path> listFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Waits for the file the upload in progress streams into: the only file in the storage this large. */
    private static Path awaitPartialFile(Path storage, long atLeast) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<Path> large = new ArrayList<>();
            for (Path file : listFiles(storage)) {
                if (Files.size(file) >= atLeast) {
                    large.add(file);
                }
            }
            assertThat(large).as("files of at least %d bytes under %s", atLeast, storage).hasSizeLessThanOrEqualTo(1);
            if (!large.isEmpty()) {
                return large.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no file under " + storage + " reached " + atLeast + " bytes in 15 s: " + listFiles(storage));
    }

    /** The upload location of the killed process, pointed at the restarted one (its port differs). */
    private static URI restarted(String location, URI base) {
        URI old = URI.create(location);
        return base.resolve(old.getRawPath() + (old.getRawQuery() == null ? "" : "?" + old.getRawQuery()));
    }

    // ---- registry HTTP -------------------------------------------------------------------------------------

    private void pushMonolithic(URI base, String repository, Blob blob) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(base, "/v2/" + repository + "/blobs/uploads/?digest=" + blob.digest)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(blob.bytes)));
        assertThat(response.statusCode()).as("monolithic upload of %s: %s", blob.digest, response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Docker-Content-Digest")).hasValue(blob.digest);
    }

    private void pushChunked(URI base, String repository, Blob blob, int chunks) throws IOException, InterruptedException {
        HttpResponse<String> started = send(request(base, "/v2/" + repository + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        int size = blob.bytes.length;
        for (int i = 0; i < chunks; i++) {
            int from = (int) ((long) size * i / chunks);
            int to = (int) ((long) size * (i + 1) / chunks);
            HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(location))
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", from + "-" + (to - 1))
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(blob.bytes, from, to - from)));
            assertThat(patched.statusCode()).as("PATCH %d-%d: %s", from, to - 1, patched.body()).isEqualTo(202);
            assertThat(patched.headers().firstValue("Range")).hasValue("0-" + (to - 1));
            location = patched.headers().firstValue("Location").orElseThrow();
        }
        HttpResponse<String> completed = send(HttpRequest.newBuilder(URI.create(location + (location.contains("?") ? "&" : "?")
                + "digest=" + blob.digest)).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(completed.statusCode()).as("PUT ?digest=: %s", completed.body()).isEqualTo(201);
    }

    private HttpResponse<String> putManifest(URI base, String repository, String reference, byte[] manifest)
            throws IOException, InterruptedException {
        return send(request(base, "/v2/" + repository + "/manifests/" + reference)
                .header("Content-Type", OCI_MANIFEST)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
    }

    private HttpResponse<byte[]> getManifest(URI base, String repository, String reference)
            throws IOException, InterruptedException {
        return http.send(request(base, "/v2/" + repository + "/manifests/" + reference).header("Accept", OCI_MANIFEST)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> getBlob(URI base, String repository, String digest) throws IOException, InterruptedException {
        return http.send(request(base, "/v2/" + repository + "/blobs/" + digest).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<String> tags(URI base, String repository) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(base, "/v2/" + repository + "/tags/list").GET());
        assertThat(response.statusCode()).as("tags of %s: %s", repository, response.body()).isEqualTo(200);
        return texts(JSON.readTree(response.body()).path("tags"));
    }

    private List<String> catalog(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(base, "/v2/_catalog").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return texts(JSON.readTree(response.body()).path("repositories"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    private static String errorCode(String body) throws IOException {
        return JSON.readTree(body).path("errors").path(0).path("code").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- content -------------------------------------------------------------------------------------------

    private record Blob(String digest, byte[] bytes) {
        static Blob of(byte[] bytes) {
            return new Blob(sha256(bytes), bytes);
        }

        static Blob random(long seed, int size) {
            byte[] bytes = new byte[size];
            new Random(seed).nextBytes(bytes);
            return of(bytes);
        }
    }

    /** An OCI image with random layers and its manifest bytes. */
    private record Image(Blob config, List<Blob> layers, byte[] manifest, String digest) {
        static Image random(long seed, int layerCount) {
            List<Blob> layers = new ArrayList<>();
            for (int i = 0; i < layerCount; i++) {
                layers.add(Blob.random(seed * 100 + i, 256 * 1024 + 1000 * i));
            }
            Blob config = Blob.of(("{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":" + seed + "}")
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder manifest = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST
                    + "\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                    + config.digest + "\",\"size\":" + config.bytes.length + "},\"layers\":[");
            for (int i = 0; i < layers.size(); i++) {
                manifest.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"")
                        .append(layers.get(i).digest).append("\",\"size\":").append(layers.get(i).bytes.length).append('}');
            }
            byte[] bytes = manifest.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            return new Image(config, List.copyOf(layers), bytes, sha256(bytes));
        }

        List<Blob> blobs() {
            List<Blob> all = new ArrayList<>(layers);
            all.add(0, config);
            return all;
        }
    }

    /**
     * A large deterministic body made of 1 MiB blocks (random, each stamped with its number). It hands out
     * {@code pauseAt} bytes, then blocks until released and fails, so an upload built on it stays open.
     */
    private static final class Generated extends InputStream {
        private static final byte[] BLOCK = new byte[MIB];

        static {
            new Random(42).nextBytes(BLOCK);
        }

        private final long total;
        private final long pauseAt;
        private final CountDownLatch release;
        private final byte[] block = new byte[MIB];
        private long blockNumber = -1;
        private long position;

        Generated(long total, long pauseAt, CountDownLatch release) {
            this.total = total;
            this.pauseAt = pauseAt;
            this.release = release;
        }

        /** The digest of the whole {@code total}-byte body, had it arrived. */
        static String digest(long total) throws NoSuchAlgorithmException {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[MIB];
            for (long offset = 0; offset < total; offset += MIB) {
                fill(block, offset / MIB);
                sha256.update(block, 0, (int) Math.min(MIB, total - offset));
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        }

        private static void fill(byte[] block, long number) {
            System.arraycopy(BLOCK, 0, block, 0, MIB);
            for (int i = 0; i < Long.BYTES; i++) {
                block[i] = (byte) (number >>> (8 * i));
            }
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in blocks");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= total) {
                return -1;
            }
            if (position >= pauseAt) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("generator stopped at " + position + " bytes");
            }
            if (blockNumber != position / MIB) {
                blockNumber = position / MIB;
                fill(block, blockNumber);
            }
            int inBlock = (int) (position % MIB);
            int n = (int) Math.min(Math.min(length, MIB - inBlock), Math.min(total, pauseAt) - position);
            System.arraycopy(block, inBlock, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
