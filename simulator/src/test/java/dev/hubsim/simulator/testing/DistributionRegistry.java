package dev.hubsim.simulator.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CNCF reference registry (Debian package {@code docker-registry}) on a free loopback port, storing in a given
 * directory with deletes enabled; stopped, and its process waited for, on close. Tests skip loudly when the package
 * is missing; {@link #start} with {@code required} fails instead (the reference-recording script).
 */
public final class DistributionRegistry implements AutoCloseable {
    /** What the recordings' metadata calls it. */
    public static final String SERVER = "docker-registry (CNCF distribution)";
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final URI url;

    private DistributionRegistry(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts it in {@code directory}, or skips the calling test when it is not installed. */
    public static DistributionRegistry start(Path directory) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(BINARY), "docker-registry is not installed: apt-get install docker-registry");
        return start(directory, 0);
    }

    /** Starts it in {@code directory} on {@code port} (0: a free one); fails when it is not installed. */
    public static DistributionRegistry start(Path directory, int port) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("docker-registry is not installed: apt-get install docker-registry");
        }
        int chosen = port != 0 ? port : freePort();
        Files.createDirectories(directory);
        Path config = Files.writeString(directory.resolve("config.yml"), """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(directory.resolve("storage"), chosen));
        Path log = directory.resolve("registry.log");
        Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DistributionRegistry registry = new DistributionRegistry(process, URI.create("http://127.0.0.1:" + chosen));
        try {
            registry.awaitReady(log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** The version it reports, e.g. {@code github.com/docker/distribution 2.8.2+ds1}. */
    public static String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BINARY.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        // "/usr/bin/docker-registry github.com/docker/distribution 2.8.2+ds1": the program name first
        int space = output.indexOf(' ');
        return space < 0 ? output : output.substring(space + 1);
    }

    /** E.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return url;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) url.resolve("/v2/").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not answer /v2/ within " + STARTUP + ": " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
