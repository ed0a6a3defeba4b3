package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.auth.AccessToken;
import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.PatScope;
import dev.hubsim.simulator.hubapi.HubTokens.Caller;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal access tokens, {@code /v2/access-tokens[/{uuid}]} (reference §2.5): create (201, the only answer that
 * holds the secret), list (paginated, with {@code active_count}), get, patch ({@code token_label},
 * {@code is_active}) and delete (204). They are the tokens of {@link Accounts}, so one created here works at the
 * registry's token service, and one deactivated or deleted stops working there.
 *
 * <p>Managing tokens needs a session signed in with the password: a token obtained with a personal access token
 * gets 403 (our choice, no source says; otherwise a {@code repo:public_read} token could mint a {@code repo:admin}
 * one).
 */
final class AccessTokenRoutes {
    private final Accounts accounts;
    private final HubAuthentication authentication;
    private final Clock clock;

    AccessTokenRoutes(Accounts accounts, HubAuthentication authentication, Clock clock) {
        this.accounts = accounts;
        this.authentication = authentication;
        this.clock = clock;
    }

    void create(Context ctx) {
        String user = owner(ctx);
        JsonNode body = HubJson.object(ctx);
        String label = label(HubJson.text(body, "token_label"));
        PatScope scope = scope(body.get("scopes"));
        Instant expiresAt = expiry(HubJson.text(body, "expires_at"));
        Accounts.CreatedToken created = accounts.createToken(user, label, scope, expiresAt, ctx.ip(),
                Optional.ofNullable(ctx.userAgent()).orElse(""));
        HubJson.write(ctx, 201, json(created.token(), created.secret()));
    }

    void list(Context ctx) {
        String user = owner(ctx);
        Pagination pagination = Pagination.of(ctx);
        List<AccessToken> tokens = accounts.tokens(user).stream()
                .sorted(Comparator.comparing(AccessToken::createdAt).reversed()).toList();
        Map<String, Object> body = pagination.body(ctx, tokens, token -> json(token, ""));
        body.put("active_count", tokens.stream().filter(AccessToken::active).count());
        HubJson.write(ctx, 200, body);
    }

    void get(Context ctx) {
        String user = owner(ctx);
        HubJson.write(ctx, 200, json(existing(user, ctx.pathParam("uuid")), ""));
    }

    void patch(Context ctx) {
        String user = owner(ctx);
        AccessToken token = existing(user, ctx.pathParam("uuid"));
        JsonNode body = HubJson.object(ctx);
        String label = body.has("token_label") ? label(HubJson.text(body, "token_label")) : token.label();
        boolean active = token.active();
        if (body.has("is_active")) {
            if (!body.get("is_active").isBoolean()) {
                throw HubApiException.invalidField("is_active", "is_active must be true or false");
            }
            active = body.get("is_active").asBoolean();
        }
        AccessToken updated = accounts.updateToken(user, token.uuid(), label, active)
                .orElseThrow(() -> HubApiException.notFound("access token"));
        HubJson.write(ctx, 200, json(updated, ""));
    }

    void delete(Context ctx) {
        String user = owner(ctx);
        if (!accounts.deleteToken(user, ctx.pathParam("uuid"))) {
            throw HubApiException.notFound("access token");
        }
        ctx.status(204);
    }

    private String owner(Context ctx) {
        Caller caller = authentication.required(ctx);
        if (!caller.byPassword()) {
            throw HubApiException.of(403, "personal access tokens are managed with a session signed in by password");
        }
        return caller.principal().account();
    }

    private AccessToken existing(String user, String uuid) {
        return accounts.token(user, uuid).orElseThrow(() -> HubApiException.notFound("access token"));
    }

    private static String label(String label) {
        if (label == null || label.isEmpty() || label.length() > 100) {
            throw HubApiException.invalidField("token_label", "token_label must be 1 to 100 characters");
        }
        return label;
    }

    /** The scopes are hierarchical (reference §2.5): the highest one given is the token's scope. */
    private static PatScope scope(JsonNode scopes) {
        if (scopes == null || !scopes.isArray() || scopes.isEmpty()) {
            throw HubApiException.invalidField("scopes", "scopes must be a non-empty list of repo:admin, repo:write, "
                    + "repo:read or repo:public_read");
        }
        PatScope highest = PatScope.PUBLIC_READ;
        for (JsonNode scope : scopes) {
            PatScope known = PatScope.byWireName(scope.asText()).orElseThrow(() -> HubApiException.invalidField(
                    "scopes", "unknown scope '" + scope.asText() + "': use repo:admin, repo:write, repo:read or repo:public_read"));
            highest = known.includes(highest) ? known : highest;
        }
        return highest;
    }

    private Instant expiry(String text) {
        if (text == null) {
            return null;
        }
        try {
            Instant at = Instant.parse(text);
            if (!at.isAfter(clock.instant())) {
                throw HubApiException.invalidField("expires_at", "expires_at must be in the future");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw HubApiException.invalidField("expires_at", "expires_at must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z");
        }
    }

    /** The {@code accessToken} schema; {@code token} holds the secret only in the create answer. */
    private static Map<String, Object> json(AccessToken token, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", token.uuid());
        body.put("client_id", "HUB");
        body.put("creator_ip", token.creatorIp());
        body.put("creator_ua", token.creatorUa());
        body.put("created_at", HubJson.time(token.createdAt()));
        body.put("last_used", HubJson.time(token.lastUsed()));
        body.put("generated_by", "manual");
        body.put("is_active", token.active());
        body.put("token", secret);
        body.put("token_label", token.label());
        body.put("scopes", List.of(token.scope().wireName()));
        if (token.expiresAt() != null) {
            body.put("expires_at", HubJson.time(token.expiresAt()));
        }
        return body;
    }
}
