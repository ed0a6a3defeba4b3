package dev.hubsim.core.testing;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.PulledImage;
import dev.hubsim.core.registry.PushedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A command line over the image client, for the benchmark and the memory test (run with the test classpath):
 * <pre>
 * ImageTool layout DIR NAME LAYERS LAYER_BYTES SEED   write a random image into an OCI layout
 * ImageTool pull REGISTRY_URL REFERENCE DIR [TIMES]   pull an image into an OCI layout, named by its tag; with
 *                                                     TIMES, again into DIR-2, DIR-3, ... in the same JVM (warm)
 * ImageTool push REGISTRY_URL DIR NAME REFERENCE      push the image NAME of a layout
 * </pre>
 * Pull and push print {@code <seconds> <bytes moved>}, one line per transfer, timed from after the client is built.
 * The client is anonymous.
 */
public final class ImageTool {
    private ImageTool() {
    }

    public static void main(String[] args) {
        if (args.length == 6 && args[0].equals("layout")) {
            RandomImage.write(OciImageLayout.create(Path.of(args[1])), args[2], Integer.parseInt(args[3]),
                    Long.parseLong(args[4]), Long.parseLong(args[5]));
        } else if ((args.length == 4 || args.length == 5) && args[0].equals("pull")) {
            DockerHubClient client = client(args[1]);
            int times = args.length == 5 ? Integer.parseInt(args[4]) : 1;
            for (int i = 1; i <= times; i++) {
                long start = System.nanoTime();
                PulledImage pulled = client.images().pull(ImageReference.parse(args[2]),
                        Path.of(i == 1 ? args[3] : args[3] + "-" + i));
                report(start, pulled.bytes());
            }
        } else if (args.length == 5 && args[0].equals("push")) {
            DockerHubClient client = client(args[1]);
            long start = System.nanoTime();
            PushedImage pushed = client.images().push(Path.of(args[2]), args[3], ImageReference.parse(args[4]));
            report(start, pushed.bytes());
        } else {
            System.err.println("usage: ImageTool layout DIR NAME LAYERS LAYER_BYTES SEED | pull URL REFERENCE DIR [TIMES]"
                    + " | push URL DIR NAME REFERENCE");
            System.exit(2);
        }
    }

    private static DockerHubClient client(String registryUrl) {
        return DockerHubClient.builder().registryUrl(registryUrl).anonymous().build();
    }

    private static void report(long startNanos, long bytes) {
        System.out.printf(Locale.ROOT, "%.3f %d%n", (System.nanoTime() - startNanos) / 1e9, bytes);
    }
}
