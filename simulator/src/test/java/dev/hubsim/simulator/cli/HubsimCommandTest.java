package dev.hubsim.simulator.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root command: a command named first is the only one built (a faster start), anything else gets every
 * command (help, usage errors), and the hidden training run for the class-data-sharing archive works.
 */
class HubsimCommandTest {
    private static final String[] VISIBLE = {"serve", "record", "replay", "spy", "mirror", "diff", "help"};

    @Test
    void buildsOnlyTheCommandTheArgumentsName() {
        assertThat(HubsimCommand.commandLine(Map.of(), "serve", "--port", "0").getSubcommands()).containsOnlyKeys("serve");
        assertThat(HubsimCommand.commandLine(Map.of(), "diff", "--help").getSubcommands()).containsOnlyKeys("diff");
    }

    @Test
    void buildsEveryCommandForHelpAndForArgumentsThatNameNone() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "serve"}, {"serv"}, {"--version"}}) {
            assertThat(HubsimCommand.commandLine(Map.of(), args).getSubcommands()).as(String.join(" ", args))
                    .containsKeys(VISIBLE).containsKey("warm-up");
        }
    }

    @Test
    void addsTheCommandsOfOtherModulesBeforeHelp() {
        CommandLine command = HubsimCommand.commandLine(Map.of("extra", ExtraCommand::new));

        assertThat(command.getSubcommands().keySet()).containsSubsequence("serve", "extra", "help");
        assertThat(HubsimCommand.commandLine(Map.of("extra", ExtraCommand::new), "extra").getSubcommands())
                .containsOnlyKeys("extra");
    }

    @Test
    void aTypoInTheCommandNameSuggestsTheCommand() {
        ServeCommandTest.Run run = ServeCommandTest.hubsim("serv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("'serv'", "did you mean serve?");
    }

    @Test
    void warmUpIsHiddenFromHelp() {
        assertThat(ServeCommandTest.hubsim("--help").out()).contains("serve").doesNotContain("warm-up");
    }

    @Test
    void warmUpPushesPullsAndStopsWithStatusZero() {
        ServeCommandTest.Run run = ServeCommandTest.hubsim("warm-up");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @CommandLine.Command(name = "extra")
    static final class ExtraCommand implements Runnable {
        @Override
        public void run() {
        }
    }
}
