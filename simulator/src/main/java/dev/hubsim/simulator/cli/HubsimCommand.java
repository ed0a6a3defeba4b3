package dev.hubsim.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hubsim}: the command line of the simulator. Subcommands are added as capabilities land. */
@Command(name = "hubsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A faithful stand-in for Docker Hub, for tests.",
        subcommands = {ServeCommand.class, RecordCommand.class, ReplayCommand.class, SpyCommand.class,
                MirrorCommand.class, DiffCommand.class, CommandLine.HelpCommand.class})
public final class HubsimCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as {@link #main} runs it: enum values in any case, every usage error one line and status 2.
     * Other modules add their subcommands to it (the DSL's {@code run}).
     */
    public static CommandLine commandLine() {
        UsageErrors usageErrors = new UsageErrors();
        return new CommandLine(new HubsimCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(usageErrors)
                .setExecutionExceptionHandler(usageErrors);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'hubsim serve'");
    }
}
