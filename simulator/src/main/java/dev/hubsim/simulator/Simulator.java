package dev.hubsim.simulator;

import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.RefreshTokens;
import dev.hubsim.simulator.auth.TokenService;
import dev.hubsim.simulator.clock.VirtualClock;
import dev.hubsim.simulator.fault.Faults;
import dev.hubsim.simulator.journal.Journal;
import dev.hubsim.simulator.mirror.Mirror;
import dev.hubsim.simulator.mirror.MirrorSettings;
import dev.hubsim.simulator.http.HubsimRoutes;
import dev.hubsim.simulator.ratelimit.HubApiRateLimiter;
import dev.hubsim.simulator.ratelimit.PullRateLimiter;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.replay.Mode;
import dev.hubsim.simulator.replay.RecordReplay;
import dev.hubsim.simulator.replay.ReplayMisses;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.storage.FileTrees;
import dev.hubsim.simulator.vulnerability.Vulnerabilities;
import dev.hubsim.simulator.webhook.DeliveryPolicy;
import dev.hubsim.simulator.webhook.Webhooks;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running hubsim: the fake Docker Hub on one port. Build with {@link #builder()}, stop with {@link #close()}.
 * By default it behaves like Docker Hub (token auth, Docker Hub's pull limits) and keeps blobs in a temporary
 * directory that is removed on close. In another {@link Mode} it records, replays or spies on a recording instead.
 */
public final class Simulator implements AutoCloseable {
    private final Javalin server;
    private final SimulatorServices services;
    private final Path temporaryStorage;
    private final ScheduledExecutorService housekeeping;
    private final String host;
    private final Mode mode;
    private final RecordReplay recordReplay;

    private Simulator(String host, Javalin server, SimulatorServices services, Path temporaryStorage, Mode mode,
                      RecordReplay recordReplay) {
        this.host = host;
        this.server = server;
        this.services = services;
        this.temporaryStorage = temporaryStorage;
        this.mode = mode;
        this.recordReplay = recordReplay;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hubsim-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(services.registry().uploads()::expireIdle, 1, 1, TimeUnit.MINUTES);
    }

    /** Wires the parts, applies the seed and starts listening; a failure leaves no server and no temporary files. */
    private static Simulator start(Builder builder) {
        Path temporaryStorage = builder.storage == null ? createTemporaryDirectory() : null;
        SimulatorServices services = null;
        RecordReplay recordReplay = null;
        try {
            VirtualClock clock = new VirtualClock(builder.baseClock);
            recordReplay = builder.mode instanceof Mode.Mock ? null : RecordReplay.open(builder.mode, clock);
            services = services(builder, temporaryStorage, clock, recordReplay);
            SimulatorServices wired = services;
            RecordReplay face = recordReplay;
            Javalin server = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                new HubsimRoutes(wired, face).accept(config);
            });
            try {
                server.start(builder.host, builder.port);
            } catch (JavalinBindException e) {
                throw new IllegalStateException("cannot listen on " + builder.host + ":" + builder.port
                        + ": the address is in use or not available", e);
            }
            Simulator simulator = new Simulator(builder.host, server, services, temporaryStorage, builder.mode, recordReplay);
            services.webhooks().setCallbackBase(simulator.baseUri());
            return simulator;
        } catch (RuntimeException e) {
            if (services != null) {
                services.webhooks().close();
            }
            if (recordReplay != null) {
                recordReplay.close();
            }
            deleteTemporaryStorage(temporaryStorage);
            throw e;
        }
    }

    private static SimulatorServices services(Builder builder, Path temporaryStorage, VirtualClock clock,
                                              RecordReplay recordReplay) {
        RegistryState registry = builder.storage == null
                ? RegistryState.inMemory(temporaryStorage, clock, builder.uploadTimeout)
                : RegistryState.persistent(builder.storage, clock, builder.uploadTimeout);
        registry.setPrivateByDefault(builder.privateByDefault);
        Accounts accounts = new Accounts(clock);
        RateLimitPolicy policy = builder.rateLimit != null ? builder.rateLimit
                : builder.auth == AuthMode.TOKEN ? RateLimitPolicy.DOCKER_HUB : RateLimitPolicy.UNLIMITED;
        PullRateLimiter limiter = new PullRateLimiter(policy, clock);
        HubApiRateLimiter hubApiLimiter = new HubApiRateLimiter(builder.hubApiRateLimit, clock);
        RefreshTokens refreshTokens = new RefreshTokens();
        Webhooks webhooks = new Webhooks(registry, clock, builder.webhookDelivery);
        Vulnerabilities vulnerabilities = new Vulnerabilities(registry);
        Seed seed = builder.seed;
        Faults faults = new Faults();
        Journal journal = new Journal(builder.journalCapacity);
        Optional<Mirror> mirror = Optional.ofNullable(builder.mirror).map(settings -> new Mirror(settings, registry, clock));
        // Webhooks are configured after the seed's images are pushed: seeding fires no deliveries.
        Runnable apply = () -> {
            webhooks.reset(List.of());
            vulnerabilities.clearAll();
            seed.apply(registry, accounts);
            seed.applyScans(vulnerabilities);
            webhooks.reset(seed.webhookConfigurations());
            faults.restore(seed.faults());
        };
        Runnable reset = () -> {
            registry.clear();
            accounts.clear();
            refreshTokens.clear();
            limiter.reset();
            hubApiLimiter.reset();
            clock.reset();
            journal.clear();
            mirror.ifPresent(Mirror::reset);
            apply.run();
            if (recordReplay != null) {
                recordReplay.reset();
            }
        };
        try {
            apply.run();
        } catch (RuntimeException e) {
            webhooks.close();
            throw e;
        }
        return new SimulatorServices(registry, accounts, new TokenService(clock, builder.service, builder.tokenLifetime),
                refreshTokens, limiter, hubApiLimiter, clock, webhooks, vulnerabilities, builder.auth,
                Optional.ofNullable(builder.adminToken), faults, journal, mirror, reset);
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

    /** The registry's state. */
    public RegistryState registry() {
        return services.registry();
    }

    /** Users, tokens and organisations. */
    public Accounts accounts() {
        return services.accounts();
    }

    /** The simulator's clock: move it to expire tokens, refill quotas or age uploads. */
    public VirtualClock clock() {
        return services.clock();
    }

    /** The fault rules: add, list and remove them while the simulator runs. */
    public Faults faults() {
        return services.faults();
    }

    /** The requests served so far (admin API requests aside), for assertions. */
    public Journal journal() {
        return services.journal();
    }

    /** The webhooks: configuration, the delivery log and the callbacks received. */
    public Webhooks webhooks() {
        return services.webhooks();
    }

    /** The scan results per image digest that the vulnerability endpoints serve. */
    public Vulnerabilities vulnerabilities() {
        return services.vulnerabilities();
    }

    /** The pull-through cache, when the simulator mirrors an upstream registry ({@link Builder#mirrorOf}). */
    public Optional<Mirror> mirror() {
        return services.mirror();
    }

    /** Replaces the pull limits while running; every quota starts afresh. */
    public void rateLimit(RateLimitPolicy policy) {
        services.pullLimiter().setPolicy(policy);
    }

    /** What this simulator answers with: the mock, or a recording being recorded, replayed or spied on. */
    public Mode mode() {
        return mode;
    }

    /**
     * The requests a replay could not answer from its recording ({@link ReplayMisses#verifyNone()} fails a test on
     * them); empty in the other modes.
     */
    public ReplayMisses replayMisses() {
        return recordReplay == null ? ReplayMisses.none() : recordReplay.misses();
    }

    /** Empties the state and applies the seed again, as {@code POST /_hubsim/reset} does. */
    public void reset() {
        services.reset().run();
    }

    /** Stops the server, completes a recording being written and removes temporary storage. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        services.webhooks().close();
        server.stop();
        if (recordReplay != null) {
            recordReplay.close();
        }
        services.registry().saveAll();
        deleteTemporaryStorage(temporaryStorage);
    }

    private static void deleteTemporaryStorage(Path temporaryStorage) {
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
        private Clock baseClock = Clock.systemUTC();
        private Duration uploadTimeout = Duration.ofHours(1);
        private AuthMode auth = AuthMode.NONE;
        private RateLimitPolicy rateLimit;
        private Seed seed = Seed.EMPTY;
        private String adminToken;
        private String service = "registry.docker.io";
        private Duration tokenLifetime = Duration.ofMinutes(5);
        private boolean privateByDefault;
        private int journalCapacity = Journal.DEFAULT_CAPACITY;
        private DeliveryPolicy webhookDelivery = DeliveryPolicy.DEFAULT;
        private long hubApiRateLimit = HubApiRateLimiter.DEFAULT_PER_MINUTE;
        private MirrorSettings mirror;
        private Mode mode = Mode.mock();

        private Builder() {
        }

        /**
         * What to answer with (default {@link Mode#mock()}): {@link Mode#record}, {@link Mode#replay} or
         * {@link Mode#spy} work on a recording; the options of the mock (auth, seed, rate limit) then do not apply.
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
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

        /** The real time the virtual clock starts from (default: the system clock). */
        public Builder clock(Clock clock) {
            this.baseClock = clock;
            return this;
        }

        /** How long an upload session may stay idle before it expires (default one hour). */
        public Builder uploadTimeout(Duration uploadTimeout) {
            this.uploadTimeout = uploadTimeout;
            return this;
        }

        /** Token auth as Docker Hub (default) or an open registry. */
        public Builder auth(AuthMode auth) {
            this.auth = auth;
            return this;
        }

        /** Pull limits (default: Docker Hub's with token auth, unlimited without). */
        public Builder rateLimit(RateLimitPolicy rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /** Accounts, organisations, repositories and images to hold at start and after every reset. */
        public Builder seed(Seed seed) {
            this.seed = seed;
            return this;
        }

        /** Makes the admin API (except health) require {@code Authorization: Bearer <token>}. */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        /** The token service's service name, the tokens' audience (default {@code registry.docker.io}). */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /** How long registry tokens live (default 300 s, as Docker Hub). */
        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /** Whether a push that creates a repository makes it private (default false: public, as on Docker Hub). */
        public Builder privateByDefault(boolean privateByDefault) {
            this.privateByDefault = privateByDefault;
            return this;
        }

        /** How many requests the journal keeps (default 10 000; the oldest are dropped). */
        public Builder journalCapacity(int journalCapacity) {
            if (journalCapacity < 1) {
                throw new IllegalArgumentException("the journal must hold at least one entry, got " + journalCapacity);
            }
            this.journalCapacity = journalCapacity;
            return this;
        }

        /** How webhooks are retried (default {@link DeliveryPolicy#DEFAULT}: 4 attempts, backoff 1 s doubling, 10 s timeout). */
        public Builder webhookDelivery(DeliveryPolicy webhookDelivery) {
            this.webhookDelivery = webhookDelivery;
            return this;
        }

        /** Hub API requests allowed per minute per client (default {@value HubApiRateLimiter#DEFAULT_PER_MINUTE}). */
        public Builder hubApiRateLimit(long requestsPerMinute) {
            this.hubApiRateLimit = requestsPerMinute;
            return this;
        }

        /**
         * Makes the registry a pull-through cache of {@code upstream} (anonymous pulls, default tag TTL): pulls of
         * what the state lacks are fetched from the upstream once and kept; pushes are refused.
         */
        public Builder mirrorOf(URI upstream) {
            return mirrorOf(MirrorSettings.of(upstream));
        }

        /** Makes the registry a pull-through cache with these settings (upstream, credentials, tag TTL). */
        public Builder mirrorOf(MirrorSettings settings) {
            this.mirror = settings;
            return this;
        }

        /** Starts the simulator; it is ready when this returns. */
        public Simulator start() {
            return Simulator.start(this);
        }
    }
}
