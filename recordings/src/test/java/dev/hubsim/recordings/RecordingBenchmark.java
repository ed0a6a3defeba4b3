package dev.hubsim.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.hubsim.recordings.Exchanges.METADATA;
import static dev.hubsim.recordings.Exchanges.interaction;
import static dev.hubsim.recordings.Exchanges.request;
import static dev.hubsim.recordings.Exchanges.response;

/**
 * Benchmark, outside the test run: {@code mvn -B -q -pl recordings -am -Pbench verify -DskipTests}. Records a
 * 10 000-interaction session (token, manifest, tag list and blob requests with realistic bodies), then measures
 * loading it and matching requests against it, and prints a table with the targets (load under 1 s, matching above
 * 5 000/s). Exits 1 when a target is missed.
 */
public final class RecordingBenchmark {
    private static final int INTERACTIONS = 10_000;
    private static final int ROUNDS = 7;
    private static final int MATCHES = 1_000_000;

    private RecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("hubsim-recording-bench");
        try {
            long writeNanos = time(() -> record(directory));
            long fileBytes = Files.size(directory.resolve("interactions.json"));
            long[] loads = new long[ROUNDS];
            StoredRecording stored = null;
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                stored = RecordingReader.read(directory);
                Matcher.of(stored.recording());
                loads[i] = System.nanoTime() - start;
            }
            Matcher matcher = Matcher.of(stored.recording());
            List<RecordedRequest> requests = stored.interactions().stream().map(i -> i.request()).toList();
            matchAll(matcher, requests, MATCHES / 4); // warm-up
            long oneThread = time(() -> matchAll(matcher, requests, MATCHES));
            long twoThreads = time(() -> matchInParallel(matcher, requests, 2));
            long misses = time(() -> missAll(matcher, 20_000));
            long scan = time(() -> SecretScanner.patternsOnly().scan(directory));

            long medianLoad = median(loads);
            double matchRate = MATCHES / seconds(oneThread);
            double parallelRate = 2.0 * MATCHES / seconds(twoThreads);
            System.out.printf(Locale.ROOT, "%nrecording: %,d interactions, interactions.json %,d bytes%n%n",
                    stored.interactions().size(), fileBytes);
            System.out.printf(Locale.ROOT, "| %-38s | %18s | %14s | %-6s |%n", "measure", "result", "target", "");
            System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(40), "-".repeat(20), "-".repeat(16), "-".repeat(8));
            row("write 10k interactions (writer)", ms(writeNanos), "-", "");
            row("load 10k (read + matcher), median of " + ROUNDS, ms(medianLoad), "< 1000 ms", pass(medianLoad < 1e9));
            row("match, 1 thread", rate(matchRate), "> 5,000/s", pass(matchRate > 5_000));
            row("match, 2 threads", rate(parallelRate), "> 5,000/s", pass(parallelRate > 5_000));
            row("miss with nearest + description", rate(20_000 / seconds(misses)), "-", "");
            row("secret scan of the recording", ms(scan), "-", "");
            if (medianLoad >= 1e9 || matchRate <= 5_000) {
                System.exit(1);
            }
        } finally {
            deleteTree(directory);
        }
    }

    private static void record(Path directory) {
        Random random = new Random(42);
        byte[][] layers = new byte[8][];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new byte[64 * 1024];
            random.nextBytes(layers[i]);
        }
        try (RecordingWriter writer = RecordingWriter.create(directory, METADATA)) {
            for (int i = 0; i < INTERACTIONS; i++) {
                String repository = "team/app" + (i % 100);
                writer.append(switch (i % 4) {
                    case 0 -> interaction(request("GET", "/token?scope=repository:" + repository + ":pull&service=registry"),
                            response(200, "{\"token\":\"t" + i + "\",\"expires_in\":300}", "Content-Type", "application/json"));
                    case 1 -> interaction(request("GET", "/v2/" + repository + "/manifests/" + i,
                                    "Accept", "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json",
                                    "Authorization", "Bearer t" + (i - 1)),
                            response(200, manifest(i), "Content-Type", "application/vnd.oci.image.manifest.v1+json",
                                    "Docker-Content-Digest", "sha256:" + "0".repeat(64)));
                    case 2 -> interaction(request("GET", "/v2/" + repository + "/tags/list?n=100"),
                            response(200, "{\"name\":\"" + repository + "\",\"tags\":[\"1\",\"2\",\"" + i + "\"]}"));
                    default -> interaction(request("GET", "/v2/" + repository + "/blobs/sha256:" + "1".repeat(64)),
                            RecordedResponse.of(200, Exchanges.headers("Content-Type", "application/octet-stream"),
                                    RecordingRoundTripTest.capture(writer, layers[i % layers.length])));
                });
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String manifest(int i) {
        StringBuilder layers = new StringBuilder();
        for (int l = 0; l < 4; l++) {
            layers.append(l == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",")
                    .append("\"digest\":\"sha256:").append(String.format(Locale.ROOT, "%064x", i * 4L + l))
                    .append("\",\"size\":").append(1000 + l).append('}');
        }
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
                + "{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                + String.format(Locale.ROOT, "%064x", i) + "\",\"size\":1469},\"layers\":[" + layers + "]}";
    }

    private static void matchAll(Matcher matcher, List<RecordedRequest> requests, int count) {
        int hits = 0;
        for (int i = 0; i < count; i++) {
            if (matcher.match(requests.get(i % requests.size())) instanceof MatchResult.Hit) {
                hits++;
            }
        }
        if (hits != count) {
            throw new IllegalStateException("only " + hits + " of " + count + " recorded requests matched");
        }
    }

    private static void matchInParallel(Matcher matcher, List<RecordedRequest> requests, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> matchAll(matcher, requests, MATCHES)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static void missAll(Matcher matcher, int count) {
        for (int i = 0; i < count; i++) {
            if (!(matcher.match(request("GET", "/v2/team/app" + (i % 100) + "/manifests/x" + i)) instanceof MatchResult.Miss miss)
                    || miss.description().isEmpty()) {
                throw new IllegalStateException("an unrecorded request matched");
            }
        }
    }

    private static long time(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f /s", perSecond);
    }

    private static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    private static void row(String measure, String result, String target, String verdict) {
        System.out.printf(Locale.ROOT, "| %-38s | %18s | %14s | %-6s |%n", measure, result, target, verdict);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
