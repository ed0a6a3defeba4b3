package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.SimulatorServices;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.Authorizer;
import dev.hubsim.simulator.fault.FaultFilter;
import dev.hubsim.simulator.journal.JournalFilter;
import dev.hubsim.simulator.hubapi.HubApi;
import dev.hubsim.simulator.registry.RegistryException;
import dev.hubsim.simulator.replay.RecordReplay;
import dev.hubsim.simulator.vulnerability.ScoutMetrics;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import jakarta.servlet.DispatcherType;

import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole HTTP surface of one simulator as a Javalin configuration, in the order requests meet it: the request
 * journal and the faults (servlet filters in front of every route, routes added later included), the
 * {@code Docker-Distribution-API-Version} header, access control (token mode), the pull rate limit, then the
 * Hub API, registry (as a pull-through cache when the simulator mirrors an upstream), token, admin, webhook and
 * vulnerability routes, a 404 envelope for anything else, and one error mapping for every failure. In record, replay
 * and spy mode a {@link RecordReplay} answers every request outside the admin API instead of the mock's routes; the
 * filters and the admin API stay the same.
 */
public final class HubsimRoutes implements Consumer<JavalinConfig> {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /**
     * Jetty reads request bodies 8 KiB at a time by default: 131,072 reads for a 1 GiB push. 64 KiB, the largest
     * buffer Jetty's default pool keeps, cuts a push's kernel time by about a quarter.
     */
    private static final int REQUEST_READ_BUFFER_SIZE = 64 * 1024;

    private final SimulatorServices services;
    private final RecordReplay recordReplay;

    /** The mock's routes. */
    public HubsimRoutes(SimulatorServices services) {
        this(services, null);
    }

    /** The routes of a simulator in record, replay or spy mode; a null {@code recordReplay} gives the mock's. */
    public HubsimRoutes(SimulatorServices services, RecordReplay recordReplay) {
        this.services = services;
        this.recordReplay = recordReplay;
    }

    @Override
    public void accept(JavalinConfig config) {
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.router.ignoreTrailingSlashes = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.jetty.modifyHttpConfiguration(http -> http.setInputBufferSize(REQUEST_READ_BUFFER_SIZE));
        config.jetty.modifyServletContextHandler(handler -> {
            EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
            handler.addFilter(new JournalFilter(services.journal(), services.clock()), "/*", requests);
            handler.addFilter(new FaultFilter(services.faults()), "/*", requests);
        });
        config.routes.before(ctx -> ctx.header("Docker-Distribution-API-Version", "registry/2.0"));
        if (recordReplay == null) {
            mockRoutes(config);
        } else {
            new AdminRoutes(services).register(config.routes);
            new RecordingAdminRoutes(recordReplay).register(config.routes);
            for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, "/*", recordReplay.handler());
            }
        }
        config.routes.exception(RegistryException.class, ErrorEnvelope::write);
        config.routes.exception(AdminException.class, AdminException::write);
        config.routes.exception(UncheckedIOException.class, ErrorEnvelope::clientGone);
        config.routes.exception(Exception.class, ErrorEnvelope::unexpected);
    }

    private void mockRoutes(JavalinConfig config) {
        // Javalin starts every response as text/plain; an answer without a body has no Content-Type, as in distribution
        config.routes.after(ctx -> {
            String type = ctx.res().getContentType();
            if (ctx.resultInputStream() == null && type != null && type.startsWith("text/plain")) {
                ctx.res().setContentType(null);
            }
        });
        if (services.auth() == AuthMode.TOKEN) {
            config.routes.beforeMatched(new AccessControl(services.tokens())::check);
        }
        config.routes.beforeMatched(new PullCounting(services.pullLimiter(), services.accounts())::check);

        // The Hub API first: where a path fits both faces, the Hub API wins (see HubApi).
        new HubApi(services).register(config.routes);
        Routing.add(config.routes, HandlerType.GET, "/v2/", Access.ANY_TOKEN,
                ctx -> ctx.contentType("application/json").result("{}"));
        Routing.add(config.routes, HandlerType.HEAD, "/v2/", Access.ANY_TOKEN, ctx -> ctx.contentType("application/json"));
        ManifestRoutes manifests = new ManifestRoutes(services.registry());
        BlobRoutes blobs = new BlobRoutes(services.registry());
        if (services.mirror().isPresent()) {
            new MirrorRoutes(services.mirror().get(), manifests, blobs).register(config.routes);
        } else {
            manifests.register(config.routes);
            new UploadRoutes(services.registry()).register(config.routes);
            blobs.register(config.routes);
        }
        new ListingRoutes(services.registry()).register(config.routes);
        new TokenRoutes(services.accounts(), new Authorizer(services.accounts(), services.registry()), services.tokens(),
                services.refreshTokens()).register(config.routes);
        new AdminRoutes(services).register(config.routes);
        new WebhookRoutes(services.webhooks()).register(config.routes);
        new VulnerabilityRoutes(services.vulnerabilities(), new ScoutMetrics(services.registry(), services.vulnerabilities()),
                services.accounts(), services.auth()).register(config.routes);
        for (HandlerType method : METHODS) {
            config.routes.addHttpHandler(method, "/*", ctx -> {
                throw RegistryException.of(RegistryErrorCode.UNSUPPORTED, "no such endpoint: " + ctx.method() + " "
                        + ctx.path()).withStatus(404);
            });
        }
    }
}
