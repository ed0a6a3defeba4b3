package dev.hubsim.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hubsim run}: exit status, one-line messages, the target from the option or HUBSIM_TARGET, and --param. */
class RunCommandTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine command = HubsimMain.commandLine(environment);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private String script(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text).toString();
    }

    @Test
    void aScriptThatSucceedsExitsWithZero() throws IOException {
        String script = script("ok.groovy", "dockerhub { expect tags(param('repository')).isEmpty() }\n");
        assertThat(run(Map.of(), "run", script, "--target", "mock", "--param", "repository=hubsim/empty")).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailedExpectationExitsWithOneAndPrintsOneMessage() throws IOException {
        String script = script("fails.groovy", "\nexpect 2 > 3, 'two is not more than three'\n");
        assertThat(run(Map.of(), "run", script)).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("(fails.groovy, line 2) two is not more than three. Expression: (2 > 3)"
                + System.lineSeparator());
    }

    @Test
    void aScriptErrorExitsWithThreeWithoutAStackTrace() throws IOException {
        String script = script("error.groovy", "dockerhub {\n    delete 'hubsim/app:9'\n}\n");
        assertThat(run(Map.of(), "run", script)).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("(error.groovy, line 2) no such image: hubsim/app:9" + System.lineSeparator());
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        String script = script("error.groovy", "dockerhub {\n    delete 'hubsim/app:9'\n}\n");
        assertThat(run(Map.of(), "run", script, "--debug")).isEqualTo(3);
        assertThat(err.toString()).startsWith("(error.groovy, line 2) no such image: hubsim/app:9")
                .contains("\tat ");
    }

    @Test
    void theTargetComesFromTheEnvironmentWhenNotGiven() throws IOException {
        String script = script("which-target.groovy", "expect target == 'mock'\n");
        assertThat(run(Map.of("HUBSIM_TARGET", "MOCK"), "run", script)).isZero();
        assertThat(run(Map.of("HUBSIM_TARGET", "nowhere"), "run", script)).isEqualTo(2);
        assertThat(err.toString()).contains("unknown target 'nowhere': use one of mock, replay, record, live");
    }

    @Test
    void replayAndRecordNeedARecordingDirectory() throws IOException {
        String script = script("replay.groovy", "dockerhub { }\n");
        assertThat(run(Map.of(), "run", script, "--target", "replay")).isEqualTo(2);
        assertThat(err.toString()).contains("target replay needs a recording directory (--recording DIR)");
    }

    @Test
    void aMissingScriptIsAUsageError() {
        assertThat(run(Map.of(), "run", directory.resolve("nope.groovy").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such script: ");
    }

    @Test
    void serveIsStillACommand() {
        assertThat(HubsimMain.commandLine(Map.of()).getSubcommands()).containsKeys("serve", "run");
    }
}
