package dev.hubsim.simulator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CNCF reference registry (Debian package {@code docker-registry}) started on a free loopback port with
 * filesystem storage in a directory of the test and deletes enabled; stopped (and its process waited for) on close.
 * It logs every request it answers, so a test can count what reached it ({@link #requests()}).
 */
public final class DistributionRegistry implements AutoCloseable {
    /** What the recordings' metadata calls it. */
    public static final String SERVER = "docker-registry (CNCF distribution)";
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final Pattern ACCESS = Pattern.compile("\"([A-Z]+) (/v2/[^ \"]*) HTTP/1\\.1\"");

    private final Process process;
    private final URI url;
    private final Path storage;
    private final Path log;

    private DistributionRegistry(Process process, URI url, Path storage, Path log) {
        this.process = process;
        this.url = url;
        this.storage = storage;
        this.log = log;
    }

    /** Starts one with its files under {@code directory}, or skips the test loudly when the package is not installed. */
    public static DistributionRegistry start(Path directory) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(BINARY), "docker-registry not installed: apt-get install docker-registry");
        return start(directory, 0);
    }

    /** Starts it in {@code directory} on {@code port} (0: a free one); fails when it is not installed. */
    public static DistributionRegistry start(Path directory, int port) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("docker-registry is not installed: apt-get install docker-registry");
        }
        Files.createDirectories(directory);
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
        }
        Path storage = directory.resolve("storage");
        Path config = Files.writeString(directory.resolve("config.yml"), """
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: false
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(storage, port));
        Path log = directory.resolve("registry.log");
        Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DistributionRegistry registry = new DistributionRegistry(process, URI.create("http://127.0.0.1:" + port), storage, log);
        try {
            registry.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:39811}. */
    public URI url() {
        return url;
    }

    /** The server's version as {@code docker-registry --version} prints it. */
    public static String version() throws IOException, InterruptedException {
        Process version = new ProcessBuilder(BINARY.toString(), "--version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        version.waitFor();
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    /** The file holding a stored blob's bytes (filesystem driver layout), for tests that tamper with the upstream. */
    public Path blobFile(String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        return storage.resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    /** The registry API requests answered so far ({@code GET /v2/...}), from its access log, in order. */
    public List<String> requests() throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher access = ACCESS.matcher(text);
        List<String> requests = new java.util.ArrayList<>();
        while (access.find()) {
            requests.add(access.group(1) + " " + access.group(2));
        }
        return requests;
    }

    /** True while the process runs. */
    public boolean isRunning() {
        return process.isAlive();
    }

    private void awaitReady() throws IOException, InterruptedException {
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

    /** Stops the registry and waits for its process. Idempotent. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
