package dev.hubsim.dsl;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.dsl.internal.RateLimitHeaders;
import dev.hubsim.dsl.internal.TransferProgress;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.storage.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one run of a script shares across its blocks: the target, the client (replaced on login), the simulator when
 * the target has one, a temporary directory removed at the end, parameters and environment, progress output and the
 * webhook inbox.
 */
final class RunContext implements AutoCloseable {
    private final Target target;
    private final DockerHubClient anonymousClient;
    private final Simulator simulator;
    private final HubFeatures hub;
    private final RateLimitHeaders rateLimits;
    private final Path scriptDirectory;
    private final Map<String, String> params;
    private final Map<String, String> environment;
    private final PrintStream progressOut;
    private final Path workDirectory;
    private final AtomicInteger directories = new AtomicInteger();
    private volatile DockerHubClient client;
    private WebhookInbox inbox;

    RunContext(Target target, DockerHubClient client, Simulator simulator, RateLimitHeaders rateLimits,
               Path scriptDirectory, Map<String, String> params, Map<String, String> environment, PrintStream progressOut) {
        this.target = target;
        this.client = client;
        this.anonymousClient = client.newBuilder().anonymous().build();
        this.simulator = simulator;
        this.hub = simulator != null ? new SimulatorHubFeatures(simulator) : HubFeatures.unavailable(target);
        this.rateLimits = rateLimits;
        this.scriptDirectory = scriptDirectory;
        this.params = Map.copyOf(params);
        this.environment = Map.copyOf(environment);
        this.progressOut = progressOut;
        try {
            this.workDirectory = Files.createTempDirectory("hubsim-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the run", e);
        }
    }

    Target target() {
        return target;
    }

    DockerHubClient client() {
        return client;
    }

    void login(String user, String secret) {
        client = anonymousClient.newBuilder().credentials(user, SecretString.of(secret)).build();
    }

    void logout() {
        client = anonymousClient;
    }

    /** The simulator, or a refusal naming the keyword when the target has none. */
    Simulator simulator(String keyword) {
        if (simulator == null) {
            throw new DslException(keyword + " configures the mock and cannot run against target " + target.label()
                    + " (run with --target mock)");
        }
        return simulator;
    }

    HubFeatures hub() {
        return hub;
    }

    Optional<RateLimitHeaders.Observed> lastRateLimit() {
        return rateLimits.last();
    }

    Path scriptDirectory() {
        return scriptDirectory;
    }

    Map<String, String> params() {
        return params;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** A new empty directory inside the run's temporary directory. */
    Path newDirectory(String prefix) {
        try {
            return Files.createDirectories(workDirectory.resolve(prefix + "-" + directories.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + workDirectory, e);
        }
    }

    /** Progress of a transfer: on the terminal when there is one, else nothing. */
    TransferProgress progress(String label) {
        return progressOut == null ? TransferProgress.quiet() : TransferProgress.to(progressOut, label);
    }

    synchronized WebhookInbox inbox() {
        if (inbox == null) {
            inbox = WebhookInbox.start();
        }
        return inbox;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (inbox != null) {
                inbox.close();
            }
        }
        try {
            FileTrees.deleteRecursively(workDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + workDirectory, e);
        }
    }
}
