package dev.hubsim.simulator.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Declares a registry route together with the access it needs (and any other endpoint metadata). */
final class Routing {
    private Routing() {
    }

    static void add(RoutesConfig routes, HandlerType method, String path, Access access, Handler handler,
                    EndpointMetadata... more) {
        Set<EndpointMetadata> metadata = new HashSet<>(List.of(more));
        metadata.add(access);
        routes.addEndpoint(new Endpoint(method, path, handler, metadata));
    }
}
