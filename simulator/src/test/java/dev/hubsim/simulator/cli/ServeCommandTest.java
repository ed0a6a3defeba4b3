package dev.hubsim.simulator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hubsim serve} in-process, configured exactly as {@code main} configures it: the help lists every option,
 * and every bad value ends with exit status 2 and one line on stderr, never a stack trace or a page of usage.
 */
class ServeCommandTest {
    @TempDir
    Path directory;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return Arrays.stream(err.split("\\R")).filter(line -> !line.isBlank()).toList();
        }
    }

    static Run hubsim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = HubsimCommand.commandLine(Map.of(), args);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void serveHelpListsEveryOptionWithItsDescription() {
        Run help = hubsim("serve", "--help");

        assertThat(help.exitCode()).isZero();
        List<OptionSpec> options = HubsimCommand.commandLine().getSubcommands().get("serve").getCommandSpec().options();
        assertThat(options).extracting(OptionSpec::longestName).contains("--host", "--port", "--storage", "--auth",
                "--user", "--seed", "--rate-limit", "--hub-rate-limit", "--admin-token", "--help", "--version");
        for (OptionSpec option : options) {
            assertThat(help.out()).as(option.longestName()).contains(option.longestName());
            assertThat(option.description()).as("%s has a description", option.longestName()).isNotEmpty();
            String opening = option.description()[0].substring(0, Math.min(25, option.description()[0].length()));
            assertThat(help.out()).as("the help wraps descriptions, but their opening is on one line").contains(opening);
        }
        assertThat(help.out()).contains("docker-hub", "docker-hub-hourly", "unlimited", "anonymous=3/1h");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad rate limit      | serve --rate-limit anonymous=3/1x     | invalid pull limit '3/1x'
            bad rate limit name | serve --rate-limit lots               | invalid rate limit 'lots'
            bad hub rate limit  | serve --port 0 --hub-rate-limit 0     | at least 1 request per minute
            hub limit not a number | serve --hub-rate-limit many        | --hub-rate-limit
            bad auth            | serve --auth bogus                    | --auth
            unknown option      | serve --bogus                         | --bogus
            bad port            | serve --port eighty                   | --port
            no command          | ''                                    | name a command
            """)
    void aBadOptionExitsWithStatusTwoAndOneLine(String problem, String line, String named) {
        Run run = hubsim(line.isBlank() ? new String[0] : line.split(" "));

        assertThat(run.exitCode()).as(problem).isEqualTo(2);
        assertThat(run.errLines()).as(problem).hasSize(1);
        assertThat(run.err()).as(problem).contains(named).startsWith("hubsim: ").doesNotContain("Exception")
                .doesNotContain("Usage:");
    }

    @Test
    void aBadAuthModeNamesTheModesThatExist() {
        Run run = hubsim("serve", "--auth", "bogus");

        assertThat(run.err()).contains("bogus").containsIgnoringCase("token").containsIgnoringCase("none");
    }

    @Test
    void aMissingSeedFileExitsWithStatusTwoNamingTheFile() {
        Path missing = directory.resolve("missing-seed.yaml");

        Run run = hubsim("serve", "--port", "0", "--seed", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("hubsim: cannot read seed file " + missing).doesNotContain("Exception");
    }

    @Test
    void aBadSeedFileExitsWithStatusTwoNamingTheProblem() throws IOException {
        Path seed = Files.writeString(directory.resolve("seed.yaml"), "users: [{name: a, password: p, plan: gold}]\n");

        Run run = hubsim("serve", "--port", "0", "--seed", seed.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(seed.toString()).contains("gold").doesNotContain("Exception");
    }

    @Test
    void aMalformedUserExitsWithStatusTwoWithoutEchoingThePassword() {
        Run run = hubsim("serve", "--port", "0", "--user", ":s3cret-pw");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("NAME:PASSWORD").doesNotContain("s3cret-pw");
    }

    @Test
    void versionPrintsOneLine() {
        Run run = hubsim("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isNotEmpty().doesNotContain("\n");
    }
}
