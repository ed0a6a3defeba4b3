package dev.hubsim.simulator.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hubsim COMMAND ... --port 0} in a child JVM, as a user would run it. Ready once it printed
 * {@code hubsim listening on http://HOST:PORT}; stopped politely with {@link #stop()} (SIGTERM) or hard with
 * {@link #kill()} (SIGKILL). {@link #close()} kills whatever is still running, for finally blocks.
 */
public final class HubsimProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("hubsim listening on (http://\\S+)");
    private static final long START_TIMEOUT_SECONDS = 20;
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final Process process;
    private final Path stderr;
    private final URI baseUri;

    private HubsimProcess(Process process, Path stderr, URI baseUri) {
        this.process = process;
        this.stderr = stderr;
        this.baseUri = baseUri;
    }

    /** Starts an open simulator persisting in {@code storage} and waits until it listens; {@code logs} receives its stderr. */
    public static HubsimProcess serve(Path storage, Path logs) throws IOException {
        return start(logs, "serve", "--port", "0", "--auth", "none", "--storage", storage.toString());
    }

    /** Runs {@code hubsim ARGS...} and waits until it listens; {@code logs} receives its stderr. */
    public static HubsimProcess start(Path logs, String... args) throws IOException {
        Files.createDirectories(logs);
        Path stderr = Files.createTempFile(logs, "hubsim-", ".stderr");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                "dev.hubsim.simulator.cli.HubsimCommand"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStdout(process, listening), "hubsim-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            URI uri = listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new HubsimProcess(process, stderr, uri);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("hubsim did not report its address within " + START_TIMEOUT_SECONDS
                    + " s (" + e.getMessage() + "); stderr:\n" + Files.readString(stderr, StandardCharsets.UTF_8), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void readStdout(Process process, CompletableFuture<URI> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                }
            }
            listening.completeExceptionally(new IllegalStateException("hubsim closed its stdout without reporting an address"
                    + " (exit " + process.waitFor() + ")"));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    /** The base URL it printed, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUri() {
        return baseUri;
    }

    /** True while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Ctrl-C or a service manager would, and waits for the exit; returns the exit code. */
    public int stop() {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed; waits for the exit and returns the exit code. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** What the process wrote to stderr so far (its log). */
    public String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                throw new IllegalStateException("hubsim (pid " + process.pid() + ") did not exit within "
                        + STOP_TIMEOUT_SECONDS + " s; stderr:\n" + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
