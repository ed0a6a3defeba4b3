package dev.hubsim.core.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the real {@code skopeo} binary in isolation: {@code HOME}, {@code XDG_RUNTIME_DIR} and the registries
 * configuration point into a private directory, so no user configuration or credentials are read. Every command
 * runs with {@code --insecure-policy}; callers add the TLS and credential flags of the command.
 */
public final class Skopeo {
    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;
    private final Path home;

    private Skopeo(Path executable, Path home) {
        this.executable = executable;
        this.home = home;
    }

    /**
     * The installed skopeo, isolated in {@code home}. When skopeo is not on the PATH this fails the test on CI
     * (environment {@code CI=true}) and skips it, with a loud message, everywhere else.
     */
    public static Skopeo require(Path home) {
        Path found = onPath("skopeo");
        if (found == null) {
            String message = "skopeo is not installed: the real-client tests need it on the PATH; run apt-get install skopeo";
            System.err.println("!!! " + message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true, so this is a failure, not a skip)");
            }
            Assumptions.assumeTrue(false, message);
        }
        try {
            Files.createDirectories(home.resolve("run"));
            Path registries = home.resolve("registries.conf");
            Files.writeString(registries, "unqualified-search-registries = []\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Skopeo(found, home);
    }

    /** What one skopeo invocation produced. */
    public record Result(List<String> command, int exitCode, byte[] stdoutBytes, String stderr) {
        /** Standard output as UTF-8 text. */
        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** Fails with the whole output unless the command succeeded. */
        public Result orFail() {
            if (exitCode != 0) {
                fail(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\n  exit " + exitCode + "\n  stdout: " + stdout() + "\n  stderr: " + stderr;
        }
    }

    /** Runs {@code skopeo --insecure-policy ARGS...} and waits (at most a minute) for it. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("--insecure-policy");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("CONTAINERS_REGISTRIES_CONF", home.resolve("registries.conf").toString());
        env.remove("REGISTRY_AUTH_FILE");
        env.remove("DOCKER_CONFIG");
        try {
            Path out = Files.createTempFile(home, "stdout-", ".txt");
            Path err = Files.createTempFile(home, "stderr-", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s; stderr so far: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
            } finally {
                process.destroyForcibly();
            }
            return new Result(command, process.exitValue(), Files.readAllBytes(out),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The blob files of a {@code dir:} copy by name (every file but the manifests and the version marker). */
    public static Map<String, byte[]> directoryBlobs(Path directory) throws IOException {
        Map<String, byte[]> blobs = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("version") && !name.endsWith("manifest.json")) {
                    blobs.put(name, Files.readAllBytes(file));
                }
            }
        }
        return blobs;
    }
}
