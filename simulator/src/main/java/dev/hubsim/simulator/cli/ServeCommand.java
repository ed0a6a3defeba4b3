package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hubsim serve}: runs the simulator in the foreground until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the fake Docker Hub until stopped (Ctrl-C or SIGTERM).",
                "When ready it prints one line: hubsim listening on http://HOST:PORT"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private ListenOptions listen;

    @Option(names = "--storage", paramLabel = "DIR",
            description = "Persist blobs and metadata in DIR across restarts (default: a temporary directory removed at exit).")
    private Path storage;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "token",
            description = "token: behave like Docker Hub (bearer tokens, 401 challenges, scopes); none: an open registry (default: ${DEFAULT-VALUE}).")
    private AuthMode auth;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD",
            description = "A user account; repeatable. More (tokens, organisations, plans) with --seed.")
    private List<String> users = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "FILE",
            description = "YAML or JSON with users, personal access tokens, organisations, repositories and synthetic images, applied at start and on reset.")
    private Path seedFile;

    @Option(names = "--rate-limit", paramLabel = "SPEC", converter = RateLimitConverter.class,
            description = {"Pull limits: docker-hub (100/6h anonymous, 200/6h authenticated), docker-hub-hourly "
                    + "(10/1h and 100/1h), unlimited, or a spec such as anonymous=3/1h,authenticated=5/1h where a side "
                    + "left out is unlimited. Default: docker-hub with --auth token, unlimited with --auth none."})
    private RateLimitPolicy rateLimit;

    @Option(names = "--hub-rate-limit", paramLabel = "N", defaultValue = "1000",
            description = "Hub API requests allowed per minute per client address; more get 429 with Retry-After "
                    + "(default: ${DEFAULT-VALUE}; Docker Hub does not document its number).")
    private long hubRateLimit;

    @Option(names = "--private-by-default",
            description = "Repositories created by a push start private (default: public, as on Docker Hub).")
    private boolean privateByDefault;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Make the admin API under /_hubsim/ (except /_hubsim/health) require Authorization: Bearer TOKEN.")
    private String adminToken;

    @Override
    public Integer call() throws InterruptedException {
        Seed seed = (seedFile == null ? Seed.EMPTY : Seed.load(seedFile)).withUsers(users);
        return Foreground.run(listen.builder().storage(storage).auth(auth).seed(seed).rateLimit(rateLimit)
                .adminToken(adminToken).privateByDefault(privateByDefault).hubApiRateLimit(hubRateLimit).start());
    }
}
