package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.registry.RegistryException;
import dev.hubsim.simulator.registry.RegistryState;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The registry face of the simulator as one Javalin configuration: the base endpoint, the resource routes,
 * the {@code Docker-Distribution-API-Version} header on every answer and the error envelope for every failure.
 */
public final class RegistryApi implements Consumer<JavalinConfig> {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final RegistryState state;

    public RegistryApi(RegistryState state) {
        this.state = state;
    }

    @Override
    public void accept(JavalinConfig config) {
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.router.ignoreTrailingSlashes = true;
        config.routes.before(ctx -> ctx.header("Docker-Distribution-API-Version", "registry/2.0"));
        config.routes.get("/v2/", ctx -> ctx.contentType("application/json").result("{}"));
        config.routes.head("/v2/", ctx -> ctx.contentType("application/json"));
        new ManifestRoutes(state).register(config.routes);
        new UploadRoutes(state).register(config.routes);
        new BlobRoutes(state).register(config.routes);
        new ListingRoutes(state).register(config.routes);
        for (HandlerType method : METHODS) {
            config.routes.addHttpHandler(method, "/*", ctx -> {
                throw RegistryException.of(RegistryErrorCode.UNSUPPORTED, "no such endpoint: " + ctx.method() + " "
                        + ctx.path()).withStatus(404);
            });
        }
        config.routes.exception(RegistryException.class, ErrorEnvelope::write);
        config.routes.exception(UncheckedIOException.class, ErrorEnvelope::clientGone);
        config.routes.exception(Exception.class, ErrorEnvelope::unexpected);
    }
}
