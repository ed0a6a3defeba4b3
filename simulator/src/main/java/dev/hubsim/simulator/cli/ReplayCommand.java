package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.replay.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hubsim replay DIR}: serves a recording without network. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer requests from a recording, without network. A request it does not hold gets a 404 "
                + "UNSUPPORTED error naming the nearest recorded request; GET /_hubsim/recording lists them.",
                "When ready it prints one line: hubsim listening on http://HOST:PORT"})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    private ListenOptions listen;

    @Parameters(index = "0", paramLabel = "DIR", description = "The recording.")
    private Path directory;

    @Option(names = "--strict", description = "After the first unmatched request, refuse every request.")
    private boolean strict;

    @Mixin
    private MatchOptions match;

    @Override
    public Integer call() throws InterruptedException {
        return Foreground.run(listen.builder().mode(Mode.replay(directory).strict(strict).rules(match.rules())).start());
    }
}
