package dev.hubsim.simulator;

import dev.hubsim.simulator.http.RegistryApi;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.storage.FileTrees;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running hubsim: the fake Docker Hub on one port. Build with {@link #builder()}, stop with {@link #close()}.
 * Without a storage directory, blobs go to a temporary directory that is removed on close.
 */
public final class Simulator implements AutoCloseable {
    private final Javalin server;
    private final RegistryState registry;
    private final Path temporaryStorage;
    private final ScheduledExecutorService housekeeping;
    private final String host;

    private Simulator(Builder builder) {
        this.host = builder.host;
        Path storage = builder.storage;
        this.temporaryStorage = storage == null ? createTemporaryDirectory() : null;
        this.registry = storage == null
                ? RegistryState.inMemory(temporaryStorage, builder.clock, builder.uploadTimeout)
                : RegistryState.persistent(storage, builder.clock, builder.uploadTimeout);
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            new RegistryApi(registry).accept(config);
        });
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hubsim-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        server.start(builder.host, builder.port);
        housekeeping.scheduleWithFixedDelay(registry.uploads()::expireIdle, 1, 1, TimeUnit.MINUTES);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return server.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:5000}. */
    public URI baseUri() {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + port());
    }

    /** The registry's state, for tests and the admin API. */
    public RegistryState registry() {
        return registry;
    }

    /** Stops the server and removes temporary storage. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        server.stop();
        if (temporaryStorage != null) {
            try {
                FileTrees.deleteRecursively(temporaryStorage);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove temporary storage " + temporaryStorage, e);
            }
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("hubsim-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temporary storage", e);
        }
    }

    /** Options of a simulator; every one has a default that needs no external service. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path storage;
        private Clock clock = Clock.systemUTC();
        private Duration uploadTimeout = Duration.ofHours(1);

        private Builder() {
        }

        /** The address to bind (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port (default 0: a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A directory to persist everything in (default: a temporary directory removed on close). */
        public Builder storage(Path storage) {
            this.storage = storage;
            return this;
        }

        /** The clock for upload expiry and timestamps (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long an upload session may stay idle before it expires (default one hour). */
        public Builder uploadTimeout(Duration uploadTimeout) {
            this.uploadTimeout = uploadTimeout;
            return this;
        }

        /** Starts the simulator; it is ready when this returns. */
        public Simulator start() {
            return new Simulator(this);
        }
    }
}
