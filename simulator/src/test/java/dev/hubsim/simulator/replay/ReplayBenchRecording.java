package dev.hubsim.simulator.replay;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.BodyCapture;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.QueryParameter;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.RecordedResponse;
import dev.hubsim.recordings.RecordingMetadata;
import dev.hubsim.recordings.RecordingWriter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * For {@code bench/replay.sh}: writes a 10 000-interaction recording into {@code WORK/recording} (4 000 manifest GETs
 * over 2 000 repositories, 4 000 blob GETs of 8 and 16 KiB, stored as blob files, 2 000 tag lists), the requests
 * as {@code METHOD<tab>PATH<tab>ACCEPT} lines in {@code WORK/requests.tsv} for wrk, and prints how long replay mode
 * takes to load it (read, check the blobs, index for matching): wall and CPU time of the loading thread, the
 * medians of 7 rounds.
 */
public final class ReplayBenchRecording {
    private static final int REPOSITORIES = 2_000;
    private static final int ROUNDS = 7;

    private ReplayBenchRecording() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path recording = work.resolve("recording");
        List<String> requests = new ArrayList<>();
        Random random = new Random(7);
        try (RecordingWriter writer = RecordingWriter.create(recording, new RecordingMetadata("synthetic registry",
                null, Instant.parse("2026-01-01T00:00:00Z"), "hubsim bench"))) {
            for (int r = 0; r < REPOSITORIES; r++) {
                String repository = "bench/app" + r;
                for (String tag : List.of("v1", "v2")) {
                    byte[] manifest = manifest(random);
                    writer.append(new Interaction(get("/v2/" + repository + "/manifests/" + tag, MediaTypes.OCI_MANIFEST),
                            RecordedResponse.of(200, Map.of("content-type", List.of(MediaTypes.OCI_MANIFEST),
                                    "docker-content-digest", List.of(Digest.sha256(manifest).toString()),
                                    "content-length", List.of(Integer.toString(manifest.length))), Body.inline(manifest))));
                    requests.add("GET\t/v2/" + repository + "/manifests/" + tag + "\t" + MediaTypes.OCI_MANIFEST);
                }
                for (int size : new int[] {8 * 1024, 16 * 1024}) {
                    byte[] blob = new byte[size];
                    random.nextBytes(blob);
                    BodyCapture capture = writer.captureBody();
                    try (capture) {
                        capture.write(blob);
                    }
                    String path = "/v2/" + repository + "/blobs/" + Digest.sha256(blob);
                    writer.append(new Interaction(get(path, null), RecordedResponse.of(200,
                            Map.of("content-type", List.of("application/octet-stream"),
                                    "content-length", List.of(Integer.toString(size))), capture.body())));
                    requests.add("GET\t" + path + "\t");
                }
                String tags = "{\"name\":\"" + repository + "\",\"tags\":[\"v1\",\"v2\"]}";
                writer.append(new Interaction(get("/v2/" + repository + "/tags/list", null), RecordedResponse.of(200,
                        Map.of("content-type", List.of("application/json")),
                        Body.inline(tags.getBytes(StandardCharsets.UTF_8)))));
                requests.add("GET\t/v2/" + repository + "/tags/list\t");
            }
        }
        Files.write(work.resolve("requests.tsv"), requests);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] loads = new long[ROUNDS];
        long[] cpu = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            try (RecordReplay replay = RecordReplay.open(Mode.replay(recording), Clock.systemUTC())) {
                loads[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            }
        }
        Arrays.sort(loads);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "interactions=%d load_ms=%.1f load_cpu_ms=%.1f json_bytes=%d%n", requests.size(),
                loads[ROUNDS / 2] / 1e6, cpu[ROUNDS / 2] / 1e6, Files.size(recording.resolve("interactions.json")));
    }

    private static RecordedRequest get(String path, String accept) {
        return RecordedRequest.of("GET", path, List.<QueryParameter>of(),
                accept == null ? Map.of() : Map.of("accept", List.of(accept)));
    }

    private static byte[] manifest(Random random) {
        byte[] layer = new byte[32];
        random.nextBytes(layer);
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
                + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + Digest.sha256(layer) + "\",\"size\":32},\"layers\":[{"
                + "\"mediaType\":\"" + MediaTypes.OCI_LAYER_GZIP + "\",\"digest\":\"" + Digest.sha256(layer)
                + "\",\"size\":32}]}").getBytes(StandardCharsets.UTF_8);
    }
}
