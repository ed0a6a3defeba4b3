package dev.hubsim.simulator.http;

import dev.hubsim.simulator.auth.Scope;
import io.javalin.http.Context;
import io.javalin.router.EndpointMetadata;

import java.util.List;
import java.util.Optional;

/**
 * What a registry route needs from the bearer token, attached to the route where it is declared. Distribution's
 * rules: reads need {@code pull}, writes {@code pull,push}, deletes {@code delete}, the catalog
 * {@code registry:catalog:*}, and {@code /v2/} any valid token.
 */
enum Access implements EndpointMetadata {
    ANY_TOKEN(List.of()),
    PULL(List.of("pull")),
    PUSH(List.of("pull", "push")),
    DELETE(List.of("delete")),
    CATALOG(List.of("*"));

    private final List<String> actions;

    Access(List<String> actions) {
        this.actions = actions;
    }

    /** The scope a request to this route must hold, if any. */
    Optional<Scope> scopeFor(Context ctx) {
        return switch (this) {
            case ANY_TOKEN -> Optional.empty();
            case CATALOG -> Optional.of(new Scope(Scope.REGISTRY, "catalog", actions));
            default -> Optional.of(new Scope(Scope.REPOSITORY, Requests.name(ctx), actions));
        };
    }
}
