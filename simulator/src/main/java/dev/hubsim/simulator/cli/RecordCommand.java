package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.replay.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hubsim record}: a proxy in front of the live service that writes what it sees to a recording. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Forward every request to the upstreams and write the exchanges, without secrets, to a new "
                + "recording; stop with Ctrl-C or SIGTERM, which leaves the recording complete.",
                "When ready it prints one line: hubsim listening on http://HOST:PORT"})
final class RecordCommand implements Callable<Integer> {
    @Mixin
    private ListenOptions listen;

    @Mixin
    private UpstreamOptions upstreams;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The directory to write the recording to (must not hold one).")
    private Path out;

    @Option(names = "--server", paramLabel = "NAME",
            description = "What the upstream is, for the recording's metadata (default: the upstream URLs).")
    private String server;

    @Option(names = "--server-version", paramLabel = "VERSION", description = "The upstream's version, for the metadata.")
    private String serverVersion;

    @Override
    public Integer call() throws InterruptedException {
        return Foreground.run(listen.builder()
                .mode(Mode.record(upstreams.upstreams(), out).describing(server, serverVersion)).start());
    }
}
