package dev.hubsim.simulator.http;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.OpenSimulatorTest;
import dev.hubsim.simulator.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that hang up in the middle of a blob download: the server keeps no thread busy and hands its pooled
 * buffers back intact, so later downloads and uploads carry the right bytes.
 */
class BlobDownloadAbandonedHttpTest extends OpenSimulatorTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void abandonedDownloadsLeaveNoBusyThreadAndLaterTransfersIntact() throws IOException, InterruptedException {
        byte[] content = TestImages.randomBytes(24 * MIB);
        Digest digest = http.pushBlob("alice/big", content);

        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket("127.0.0.1", simulator.baseUri().getPort())) {
                String request = "GET /v2/alice/big/blobs/" + digest + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                assertThat(socket.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024);
            }
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threadsInside("BlobSender") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(threadsInside("BlobSender")).as("threads still sending an abandoned blob").isZero();
        byte[] other = TestImages.randomBytes(5 * MIB + 1);
        Digest otherDigest = http.pushBlob("alice/other", other);
        assertThat(http.get("/v2/alice/other/blobs/" + otherDigest).expect(200).body()).isEqualTo(other);
        byte[] again = http.get("/v2/alice/big/blobs/" + digest).expect(200).body();
        assertThat(Arrays.equals(again, content)).as("the 24 MiB blob downloaded again is byte-identical").isTrue();
    }

    /** Live threads with a frame of {@code className} on their stack. */
    private static long threadsInside(String className) {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(frame -> frame.getClassName().endsWith("." + className)))
                .count();
    }
}
