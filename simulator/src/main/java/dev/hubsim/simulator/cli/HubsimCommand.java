package dev.hubsim.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code hubsim}: the command line of the simulator. */
@Command(name = "hubsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A faithful stand-in for Docker Hub, for tests.")
public final class HubsimCommand implements Runnable {
    private static final String HELP = "help";
    private static final Set<String> SERVERS = Set.of("serve", "record", "replay", "spy", "mirror");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(Map.of(), args).execute(args));
    }

    /** The command line with every command. */
    public static CommandLine commandLine() {
        return commandLine(Map.of());
    }

    /**
     * The command line as {@link #main} runs it for {@code args}: enum values in any case, every usage error one line
     * and status 2. Other modules add their commands in {@code more} (the DSL's {@code run}). picocli reflects over
     * every command it is given, a fifth of a second of the start for all of them, so when the arguments start with
     * a command's name only that command is built; otherwise (help, usage errors) all are.
     */
    public static CommandLine commandLine(Map<String, Supplier<Object>> more, String... args) {
        skipSlowStartProbes();
        if (args.length > 0 && SERVERS.contains(args[0])) {
            ServerClassPreloader.start();
        }
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("serve", ServeCommand::new);
        commands.put("record", RecordCommand::new);
        commands.put("replay", ReplayCommand::new);
        commands.put("spy", SpyCommand::new);
        commands.put("mirror", MirrorCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("warm-up", WarmUpCommand::new);
        commands.putAll(more);
        commands.put(HELP, CommandLine.HelpCommand::new);
        String named = args.length > 0 && commands.containsKey(args[0]) && !args[0].equals(HELP) ? args[0] : null;
        CommandLine command = new CommandLine(new HubsimCommand());
        commands.forEach((name, make) -> {
            if (named == null || named.equals(name)) {
                command.addSubcommand(name, make.get());
            }
        });
        UsageErrors usageErrors = new UsageErrors();
        return command.setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(usageErrors)
                .setExecutionExceptionHandler(usageErrors);
    }

    /**
     * Two library probes that cost a start hundreds of milliseconds, answered up front unless already set. Jetty
     * sizes its padding from the JVM's oop size, asked through JMX: 16 references per 64-byte line is the answer for
     * compressed oops (heaps under 32 GiB), and the value only tunes padding. picocli initialises the Groovy runtime
     * when Groovy is on the class path (the DSL's jar), for Groovy closures in annotations, which hubsim does not use.
     */
    private static void skipSlowStartProbes() {
        System.getProperties().putIfAbsent("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        System.getProperties().putIfAbsent("picocli.disable.closures", "true");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'hubsim serve'");
    }
}
