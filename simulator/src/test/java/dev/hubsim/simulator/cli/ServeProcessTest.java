package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.testing.HubTokens;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hubsim} as a user runs it, in a child JVM through the real {@code main}: exit statuses come from
 * {@code System.exit}, and a simulator started with a seed, a rate limit and an admin token behaves accordingly.
 */
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("hubsim listening on (http://\\S+)");

    @TempDir
    Path directory;

    @Test
    void aBadRateLimitEndsTheProcessWithStatusTwoAndOneLineOnStderr() throws Exception {
        Process process = hubsim("serve", "--port", "0", "--rate-limit", "anonymous=3/1x").start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.strip()).doesNotContain("\n").contains("invalid pull limit '3/1x'").doesNotContain("Exception");
    }

    @Test
    void aMissingSeedFileEndsTheProcessWithStatusTwoNamingTheFile() throws Exception {
        Path missing = directory.resolve("missing.yaml");
        Process process = hubsim("serve", "--port", "0", "--seed", missing.toString()).start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.strip()).doesNotContain("\n").contains("cannot read seed file " + missing);
    }

    @Test
    void serveAppliesTheSeedTheRateLimitAndTheAdminToken() throws Exception {
        Path seed = Files.writeString(directory.resolve("seed.yaml"), """
                users:
                  - name: alice
                    password: alice-password
                images:
                  - reference: library/nginx:1.27
                    layers: [1KB]
                """);
        Process process = hubsim("serve", "--port", "0", "--auth", "token", "--seed", seed.toString(),
                "--rate-limit", "anonymous=2/1h", "--admin-token", "T", "--user", "bob:bob-password")
                .redirectError(directory.resolve("stderr.txt").toFile()).start();
        try {
            RegistryHttp http = new RegistryHttp(awaitListening(process));
            HubTokens tokens = new HubTokens(http);

            Reply pulled = http.get("/v2/library/nginx/manifests/1.27", "Accept", RegistryHttp.ACCEPT_ALL,
                    "Authorization", HubTokens.bearer(tokens.anonymous("library/nginx", "pull")));
            Reply bob = http.get("/v2/library/nginx/manifests/1.27", "Accept", RegistryHttp.ACCEPT_ALL,
                    "Authorization", HubTokens.bearer(tokens.forUser("bob", "bob-password", "library/nginx", "pull")));

            assertThat(pulled.status()).isEqualTo(200);
            assertThat(pulled.header("ratelimit-limit")).isEqualTo("2;w=3600");
            assertThat(pulled.header("ratelimit-remaining")).isEqualTo("1;w=3600");
            assertThat(bob.status()).as("--user adds to the seed file's users").isEqualTo(200);
            assertThat(bob.header("ratelimit-limit")).as("authenticated side left unlimited by the spec").isNull();
            assertThat(tokens.forUser("alice", "alice-password", "alice/app", "pull,push")).isNotBlank();
            assertThat(http.get("/_hubsim/health").status()).isEqualTo(200);
            assertThat(http.get("/_hubsim/clock").status()).isEqualTo(401);
            assertThat(http.get("/_hubsim/clock", "Authorization", "Bearer T").status()).isEqualTo(200);
            assertThat(http.post("/_hubsim/reset", new byte[0]).status()).isEqualTo(401);
            assertThat(http.post("/_hubsim/reset", new byte[0], "Authorization", "Bearer T").status()).isEqualTo(204);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void mirrorPrintsTheSameReadyLineAndPullsThroughFromItsUpstream() throws Exception {
        TestImages.Image image = TestImages.ociImage();
        try (Simulator upstream = Simulator.builder().auth(AuthMode.NONE).start()) {
            new RegistryHttp(upstream.baseUri()).pushImage("team/app", "v1", image);
            Process process = hubsim("mirror", "--upstream", upstream.baseUri().toString(), "--port", "0",
                    "--tag-ttl", "PT1M").redirectError(directory.resolve("stderr.txt").toFile()).start();
            try {
                RegistryHttp http = new RegistryHttp(awaitListening(process));

                Reply manifest = http.getManifest("team/app", "v1").expect(200);
                Reply push = http.post("/v2/team/app/blobs/uploads/", new byte[0]);

                assertThat(manifest.body()).isEqualTo(image.bytes());
                assertThat(push.status()).isEqualTo(405);
                assertThat(http.get("/_hubsim/mirror").expect(200).json().path("misses").asLong()).isEqualTo(1);
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static ProcessBuilder hubsim(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), HubsimCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    /** Reads stdout until the one line that names the address (at most 30 s). */
    private static URI awaitListening(Process process) throws IOException, InterruptedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                // the test finished first
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        for (String line; (line = lines.readLine()) != null; ) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                watchdog.interrupt();
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("hubsim ended without reporting its address (exit " + process.waitFor() + ")");
    }
}
