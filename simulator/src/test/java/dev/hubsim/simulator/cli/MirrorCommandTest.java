package dev.hubsim.simulator.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

import static dev.hubsim.simulator.cli.ServeCommandTest.hubsim;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hubsim mirror} in-process: its help and its bad options, which end with status 2 and one line. */
class MirrorCommandTest {

    @Test
    void mirrorHelpListsItsOptionsIncludingTheSharedHostAndPort() {
        ServeCommandTest.Run help = hubsim("mirror", "--help");

        assertThat(help.exitCode()).isZero();
        List<OptionSpec> options = HubsimCommand.commandLine().getSubcommands().get("mirror").getCommandSpec().options();
        assertThat(options).extracting(OptionSpec::longestName).contains("--upstream", "--host", "--port", "--storage",
                "--tag-ttl", "--upstream-user", "--upstream-password");
        assertThat(help.out()).contains("registry-mirrors", "hubsim listening on http://HOST:PORT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no upstream          | mirror --port 0                                                      | --upstream
            plain http upstream  | mirror --port 0 --upstream http://registry.example.com               | https
            bad ttl              | mirror --port 0 --upstream http://127.0.0.1:1 --tag-ttl 5min           | ISO-8601
            user without secret  | mirror --port 0 --upstream http://127.0.0.1:1 --upstream-user carol    | --upstream-password
            """)
    void aBadOptionExitsWithStatusTwoAndOneLine(String problem, String line, String named) {
        ServeCommandTest.Run run = hubsim(line.split(" "));

        assertThat(run.exitCode()).as(problem).isEqualTo(2);
        assertThat(run.errLines()).as(problem).hasSize(1);
        assertThat(run.err()).as(problem).contains(named).startsWith("hubsim: ").doesNotContain("Exception");
    }
}
