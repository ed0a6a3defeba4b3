package dev.hubsim.dsl.cli;

import dev.hubsim.simulator.cli.HubsimCommand;
import java.util.Map;
import picocli.CommandLine;

/** The {@code hubsim} command line with the DSL: the simulator's commands ({@code serve}, ...) plus {@code run}. */
public final class HubsimMain {
    private HubsimMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), args).execute(args));
    }

    /** The command line as {@link #main} runs it for {@code args}, {@code run} reading this environment. */
    static CommandLine commandLine(Map<String, String> environment, String... args) {
        return HubsimCommand.commandLine(Map.of("run", () -> new RunCommand(environment)), args);
    }
}
