package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.replay.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hubsim spy DIR}: replays what a recording holds, forwards and records the rest. */
@Command(name = "spy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer from a recording what it holds; forward the rest to the upstreams and add it to the "
                + "recording. Stop with Ctrl-C or SIGTERM, which leaves the recording complete.",
                "When ready it prints one line: hubsim listening on http://HOST:PORT"})
final class SpyCommand implements Callable<Integer> {
    @Mixin
    private ListenOptions listen;

    @Parameters(index = "0", paramLabel = "DIR", description = "The recording, which grows.")
    private Path directory;

    @Mixin
    private UpstreamOptions upstreams;

    @Mixin
    private MatchOptions match;

    @Override
    public Integer call() throws InterruptedException {
        return Foreground.run(listen.builder()
                .mode(Mode.spy(directory, upstreams.upstreams()).rules(match.rules())).start());
    }
}
