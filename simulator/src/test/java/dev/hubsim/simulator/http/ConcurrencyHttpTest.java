package dev.hubsim.simulator.http;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static dev.hubsim.simulator.testing.RegistryHttp.withParameter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen clients pushing and pulling at once, into their own repositories and into shared ones, with shared and
 * unique blobs of up to a few MiB and all three upload styles; afterwards every blob and manifest reads back
 * byte-identical.
 */
class ConcurrencyHttpTest extends ConformanceTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 4;
    private static final List<String> SHARED = List.of("shared/one", "shared/two");


    /** One manifest some client pushed, where and under which tag. */
    record Pushed(String repository, String tag, Image image) {
    }

    @Test
    @Timeout(300)
    void concurrentPushesAndPullsAllReadBackByteIdentical() throws Exception {
        List<Blob> sharedBlobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sharedBlobs.add(TestImages.layer(ThreadLocalRandom.current().nextInt(1, 2 * 1024 * 1024)));
        }
        ConcurrentLinkedQueue<Pushed> pushed = new ConcurrentLinkedQueue<>();
        runTogether(client -> {
            for (int round = 0; round < ROUNDS; round++) {
                pushed.add(pushAndPull(client, round, sharedBlobs));
            }
        });

        assertThat(pushed).hasSize(THREADS * ROUNDS);
        for (Pushed p : pushed) {
            assertThat(http.getManifest(p.repository(), p.tag()).expect(200).body()).isEqualTo(p.image().bytes());
            assertThat(http.getManifest(p.repository(), p.image().digest().toString()).expect(200).body())
                    .isEqualTo(p.image().bytes());
            for (Blob blob : p.image().blobs()) {
                Reply get = http.get("/v2/" + p.repository() + "/blobs/" + blob.digest()).expect(200);
                assertThat(get.body()).as("blob %s in %s", blob.digest(), p.repository()).isEqualTo(blob.bytes());
            }
        }
        for (String repository : SHARED) {
            Set<String> candidates = pushed.stream().filter(p -> p.repository().equals(repository))
                    .map(p -> p.image().digest().toString()).collect(Collectors.toSet());
            Reply latest = http.getManifest(repository, "latest").expect(200);
            assertThat(candidates).contains(latest.header("Docker-Content-Digest"));
            assertThat(Digest.sha256(latest.body()).toString()).isEqualTo(latest.header("Docker-Content-Digest"));
            List<String> tags = new ArrayList<>();
            http.get("/v2/" + repository + "/tags/list").expect(200).json().path("tags").forEach(n -> tags.add(n.asText()));
            assertThat(tags).containsAll(pushed.stream().filter(p -> p.repository().equals(repository)).map(Pushed::tag).toList());
            assertThat(tags).isSorted();
        }
        assertThat(simulator.registry().uploads().openCount()).isZero();
    }

    @Test
    @Timeout(300)
    void theSameBlobPushedByManyClientsAtOnceIsNeverReadTorn() throws Exception {
        Blob blob = TestImages.layer(2 * 1024 * 1024 + 3);
        Image image = TestImages.image(MediaTypes.OCI_MANIFEST, TestImages.config(MediaTypes.OCI_CONFIG), blob);
        http.pushBlob("shared/one", image.blobs().get(0));
        runTogether(client -> {
            for (int round = 0; round < 3; round++) {
                if (client % 2 == 0) {
                    upload("shared/one", blob, client + round);
                    http.pushManifest("shared/one", "same", image);
                } else {
                    Reply get = http.get("/v2/shared/one/blobs/" + blob.digest());
                    if (get.status() == 200) {
                        assertThat(get.body()).isEqualTo(blob.bytes());
                    } else {
                        assertThat(get.errorCode()).isEqualTo("BLOB_UNKNOWN");
                    }
                    Reply manifest = http.getManifest("shared/one", "same");
                    if (manifest.status() == 200) {
                        assertThat(manifest.body()).isEqualTo(image.bytes());
                    }
                }
            }
        });

        assertThat(http.get("/v2/shared/one/blobs/" + blob.digest()).expect(200).body()).isEqualTo(blob.bytes());
        assertThat(http.getManifest("shared/one", "same").expect(200).body()).isEqualTo(image.bytes());
    }

    /** One client round: push a config, a shared and a unique layer, the manifest, then read everything back. */
    private Pushed pushAndPull(int client, int round, List<Blob> sharedBlobs) {
        String repository = round % 2 == 0 ? SHARED.get((client + round / 2) % SHARED.size()) : "client" + client + "/own";
        String mediaType = (client + round) % 2 == 0 ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
        Blob config = TestImages.config(mediaType.equals(MediaTypes.OCI_MANIFEST) ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG);
        Blob shared = sharedBlobs.get((client * ROUNDS + round) % sharedBlobs.size());
        Blob unique = TestImages.layer(ThreadLocalRandom.current().nextInt(0, 3 * 1024 * 1024));
        Image image = TestImages.image(mediaType, config, shared, unique);
        int style = client + round;
        for (Blob blob : image.blobs()) {
            upload(repository, blob, style++);
        }
        String tag = "c" + client + "-r" + round;
        http.pushManifest(repository, tag, image);
        if (SHARED.contains(repository)) {
            http.pushManifest(repository, "latest", image);
        }
        assertThat(http.getManifest(repository, tag).expect(200).body()).isEqualTo(image.bytes());
        assertThat(http.get("/v2/" + repository + "/blobs/" + shared.digest()).expect(200).body()).isEqualTo(shared.bytes());
        assertThat(http.get("/v2/" + repository + "/blobs/" + unique.digest()).expect(200).body()).isEqualTo(unique.bytes());
        return new Pushed(repository, tag, image);
    }

    /** Uploads monolithically, in one PUT, or in three PATCH chunks, by turns. */
    private void upload(String repository, Blob blob, int style) {
        String digest = blob.digest().toString();
        switch (style % 3) {
            case 0 -> http.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, blob.bytes()).expect(201);
            case 1 -> http.put(withParameter(http.startUpload(repository), "digest", digest), blob.bytes()).expect(201);
            default -> {
                String location = http.startUpload(repository);
                int third = blob.size() / 3;
                int[] cuts = {0, third, 2 * third, blob.size()};
                for (int i = 0; i < 3; i++) {
                    byte[] chunk = Arrays.copyOfRange(blob.bytes(), cuts[i], cuts[i + 1]);
                    if (chunk.length == 0) {
                        continue;
                    }
                    location = http.patch(location, chunk, "Content-Range", cuts[i] + "-" + (cuts[i + 1] - 1)).expect(202).location();
                }
                http.put(withParameter(location, "digest", digest), new byte[0]).expect(201);
            }
        }
    }

    /** One client's work; {@code client} numbers the thread. */
    private interface ClientWork {
        void run(int client) throws Exception;
    }

    /** Runs {@value #THREADS} clients released at the same moment and waits for all of them (failures propagate). */
    private static void runTogether(ClientWork work) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int client = t;
                clients.add(pool.submit(() -> {
                    go.await();
                    work.run(client);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
