package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.auth.Scope;
import dev.hubsim.simulator.auth.TokenService;
import dev.hubsim.simulator.auth.TokenService.VerifiedToken;
import dev.hubsim.simulator.journal.JournalFilter;
import dev.hubsim.simulator.registry.RegistryException;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker Hub at the door of the registry: every route declared with an {@link Access} needs a valid bearer token
 * (signature, audience, expiry) holding that access. Otherwise the answer is 401 with a
 * {@code WWW-Authenticate: Bearer realm=...,service=...,scope=...} challenge, plus
 * {@code error="insufficient_scope"} when a token was presented but lacks the access.
 */
final class AccessControl {
    private static final String TOKEN = "hubsim.token";

    private final TokenService tokens;

    AccessControl(TokenService tokens) {
        this.tokens = tokens;
    }

    /** Checks the request against its route's access; stores the verified token for later filters. */
    void check(Context ctx) {
        Access access = ctx.endpoints().matchedHttpEndpoint().metadata(Access.class);
        if (access == null) {
            return;
        }
        Optional<Scope> needed = access.scopeFor(ctx);
        String header = ctx.header("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        Optional<VerifiedToken> token = bearer ? tokens.verify(header.substring(7).trim()) : Optional.empty();
        if (token.isEmpty()) {
            throw challenge(ctx, needed, bearer ? "invalid_token" : null);
        }
        ctx.attribute(TOKEN, token.get());
        if (!token.get().subject().isEmpty()) {
            ctx.attribute(JournalFilter.PRINCIPAL, token.get().subject());
        }
        if (needed.isPresent() && !grantsAll(token.get(), needed.get())) {
            throw challenge(ctx, needed, "insufficient_scope");
        }
    }

    /** The verified token of this request; empty when the registry runs without auth. */
    static Optional<VerifiedToken> token(Context ctx) {
        return Optional.ofNullable(ctx.attribute(TOKEN));
    }

    /** True when the request may read {@code repository} (always, without auth). */
    static boolean mayPull(Context ctx, String repository) {
        return token(ctx).map(t -> t.grants(Scope.REPOSITORY, repository, "pull")).orElse(true);
    }

    private static boolean grantsAll(VerifiedToken token, Scope needed) {
        return needed.actions().stream().allMatch(a -> token.grants(needed.type(), needed.name(), a));
    }

    private RegistryException challenge(Context ctx, Optional<Scope> needed, String error) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(Requests.origin(ctx)).append("/token\"")
                .append(",service=\"").append(tokens.service()).append('"');
        needed.ifPresent(scope -> challenge.append(",scope=\"").append(scope).append('"'));
        if (error != null) {
            challenge.append(",error=\"").append(error).append('"');
        }
        List<Map<String, String>> detail = needed.map(AccessControl::detail).orElse(null);
        return RegistryException.of(RegistryErrorCode.UNAUTHORIZED, "authentication required", detail)
                .withHeader("WWW-Authenticate", challenge.toString());
    }

    /** Docker Hub's detail: one {@code {Type, Class, Name, Action}} per action. */
    private static List<Map<String, String>> detail(Scope scope) {
        return scope.actions().stream().map(action -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("Type", scope.type());
            entry.put("Class", "");
            entry.put("Name", scope.name());
            entry.put("Action", action);
            return entry;
        }).toList();
    }
}
