package dev.hubsim.simulator.cli;

import dev.hubsim.core.auth.SecretString;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.mirror.MirrorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code hubsim mirror}: a pull-through cache of an upstream registry, run in the foreground until stopped. */
@Command(name = "mirror", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a pull-through cache of an upstream registry until stopped (Ctrl-C or SIGTERM): point "
                + "Docker's registry-mirrors at it and each image is pulled from the upstream once. Pushes are refused; "
                + "GET /_hubsim/mirror shows hits, misses and upstream requests per repository.",
                "When ready it prints one line: hubsim listening on http://HOST:PORT"})
final class MirrorCommand implements Callable<Integer> {

    @Option(names = "--upstream", required = true, paramLabel = "URL",
            description = "The registry to mirror, e.g. https://registry-1.docker.io (plain http only to a loopback address).")
    private URI upstream;

    @Mixin
    private ListenOptions listen;

    @Option(names = "--storage", paramLabel = "DIR",
            description = "Keep the cache in DIR across restarts (default: a temporary directory removed at exit).")
    private Path storage;

    @Option(names = "--tag-ttl", paramLabel = "DURATION", defaultValue = "PT5M", converter = DurationConverter.class,
            description = "How long a tag is served before it is revalidated upstream with a HEAD, as ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}). Manifests by digest and blobs are kept for good.")
    private Duration tagTtl;

    @Option(names = "--upstream-user", paramLabel = "NAME", defaultValue = "${env:HUBSIM_UPSTREAM_USER}",
            description = "Pull from the upstream as this user (default: $HUBSIM_UPSTREAM_USER; anonymous when unset).")
    private String upstreamUser;

    @Option(names = "--upstream-password", paramLabel = "SECRET", defaultValue = "${env:HUBSIM_UPSTREAM_PASSWORD}",
            description = "The upstream user's password or access token (default: $HUBSIM_UPSTREAM_PASSWORD; prefer "
                    + "the environment, which other users cannot read in the process list).")
    private String upstreamPassword;

    @Override
    public Integer call() throws InterruptedException {
        MirrorSettings settings = MirrorSettings.of(upstream).withTagTtl(tagTtl);
        boolean hasUser = upstreamUser != null && !upstreamUser.isEmpty();
        boolean hasPassword = upstreamPassword != null && !upstreamPassword.isEmpty();
        if (hasUser != hasPassword) {
            throw new IllegalArgumentException("give both --upstream-user and --upstream-password "
                    + "($HUBSIM_UPSTREAM_USER and $HUBSIM_UPSTREAM_PASSWORD), or neither for anonymous pulls");
        }
        if (hasUser) {
            settings = settings.withCredentials(upstreamUser, SecretString.of(upstreamPassword));
        }
        return Foreground.run(listen.builder().storage(storage).auth(AuthMode.NONE).mirrorOf(settings).start());
    }

    /** Reads an ISO-8601 duration such as {@code PT5M}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 duration such as PT5M or PT30S");
            }
        }
    }
}
