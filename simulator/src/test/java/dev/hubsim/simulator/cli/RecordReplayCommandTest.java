package dev.hubsim.simulator.cli;

import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.testing.HubsimProcess;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.hubsim.simulator.cli.ServeCommandTest.hubsim;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hubsim record}, {@code replay} and {@code spy}: the same listening options and ready line as {@code serve},
 * bad input as one line with status 2, and a recording left complete by SIGTERM.
 */
class RecordReplayCommandTest {
    @TempDir
    Path directory;

    @Test
    void everyModeTakesTheListeningOptionsOfServe() {
        for (String mode : List.of("record", "replay", "spy")) {
            List<OptionSpec> options = HubsimCommand.commandLine().getSubcommands().get(mode).getCommandSpec().options();
            assertThat(options).extracting(OptionSpec::longestName).as(mode).contains("--host", "--port");
            assertThat(hubsim(mode, "--help").out()).as(mode).contains("hubsim listening on http://HOST:PORT");
        }
    }

    @Test
    void recordWithoutAnUpstreamIsOneLineAndStatusTwo() {
        ServeCommandTest.Run run = hubsim("record", "--port", "0", "--out", directory.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("give at least one upstream");
    }

    @Test
    void anUpstreamWithAPathIsRefusedNamingTheOption() {
        ServeCommandTest.Run run = hubsim("record", "--port", "0", "--out", directory.resolve("r").toString(),
                "--upstream-registry", "http://127.0.0.1:5000/v2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("the registry upstream 'http://127.0.0.1:5000/v2' must be an origin");
    }

    @Test
    void replayOfADirectoryWithoutARecordingIsOneLineAndStatusTwo() {
        ServeCommandTest.Run run = hubsim("replay", "--port", "0", directory.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains(directory + " is not a recording");
    }

    @Test
    void anUnknownMatchModeIsOneLineAndStatusTwo() {
        ServeCommandTest.Run run = hubsim("replay", "--port", "0", "--match", "reference=sometimes", directory.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("sometimes");
    }

    @Test
    void sigtermLeavesACompleteRecordingThatReplayServesStrictly() throws Exception {
        Image image = TestImages.ociImage();
        Path recording = directory.resolve("recording");
        try (Simulator upstream = Simulator.builder().auth(AuthMode.NONE).start()) {
            new RegistryHttp(upstream.baseUri()).pushImage("cli/app", "v1", image);
            try (HubsimProcess record = HubsimProcess.start(directory.resolve("logs"), "record", "--port", "0",
                    "--upstream-registry", upstream.baseUri().toString(), "--out", recording.toString(),
                    "--server", "hubsim mock")) {
                Reply pulled = new RegistryHttp(record.baseUri()).getManifest("cli/app", "v1");
                assertThat(pulled.body()).isEqualTo(image.bytes());

                assertThat(record.stop()).isEqualTo(143);
            }
        }
        List<Interaction> interactions = RecordingReader.read(recording).interactions();
        assertThat(interactions).singleElement().satisfies(i -> assertThat(i.request().path()).isEqualTo("/v2/cli/app/manifests/v1"));
        assertThat(Files.list(recording).map(p -> p.getFileName().toString())).doesNotContain(".partial");

        try (HubsimProcess replay = HubsimProcess.start(directory.resolve("logs"), "replay", "--port", "0", "--strict",
                "--match", "accept=off", recording.toString())) {
            RegistryHttp http = new RegistryHttp(replay.baseUri());
            assertThat(http.get("/v2/cli/app/manifests/v1").body()).isEqualTo(image.bytes());
            assertThat(http.get("/v2/cli/app/manifests/v2").status()).isEqualTo(404);
            assertThat(http.get("/_hubsim/recording").json().path("misses")).hasSize(1);
            assertThat(replay.stderr()).contains("GET /v2/cli/app/manifests/v2 matches no recorded request");
        }
    }
}
