package dev.hubsim.simulator.http;

import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.Authorizer;
import dev.hubsim.simulator.auth.Principal;
import dev.hubsim.simulator.auth.RefreshTokens;
import dev.hubsim.simulator.auth.Scope;
import dev.hubsim.simulator.auth.TokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The token service, as {@code auth.docker.io/token}: {@code GET /token} (anonymous or HTTP Basic, repeated
 * {@code scope}, {@code offline_token=true}) and the OAuth2 form {@code POST /token} ({@code grant_type=password}
 * or {@code refresh_token}, {@code access_type=offline}). It never refuses for lack of access, it grants less;
 * bad credentials are a 401 with Docker Hub's body.
 */
final class TokenRoutes {
    private static final String BAD_CREDENTIALS = "incorrect username or password";

    private final Accounts accounts;
    private final Authorizer authorizer;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;

    TokenRoutes(Accounts accounts, Authorizer authorizer, TokenService tokens, RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.authorizer = authorizer;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
    }

    void register(RoutesConfig routes) {
        routes.get("/token", this::get);
        routes.post("/token", this::post);
    }

    private void get(Context ctx) {
        if (!checkService(ctx, ctx.queryParam("service"))) {
            return;
        }
        Optional<Principal> principal = basicPrincipal(ctx);
        if (principal.isEmpty()) {
            refuse(ctx, 401, BAD_CREDENTIALS);
            return;
        }
        boolean offline = "true".equalsIgnoreCase(ctx.queryParam("offline_token"));
        answer(ctx, principal.get(), Scope.parseAll(ctx.queryParams("scope")), offline, false);
    }

    private void post(Context ctx) {
        if (!checkService(ctx, ctx.formParam("service"))) {
            return;
        }
        String grantType = ctx.formParam("grant_type");
        Optional<Principal> principal;
        if ("password".equals(grantType)) {
            principal = accounts.authenticate(String.valueOf(ctx.formParam("username")), ctx.formParam("password"));
        } else if ("refresh_token".equals(grantType)) {
            principal = refreshTokens.principal(ctx.formParam("refresh_token"));
        } else {
            refuse(ctx, 400, "unsupported grant_type '" + grantType + "': use password or refresh_token");
            return;
        }
        if (principal.isEmpty()) {
            refuse(ctx, 401, "password".equals(grantType) ? BAD_CREDENTIALS : "invalid refresh token");
            return;
        }
        boolean offline = "offline".equals(ctx.formParam("access_type"));
        answer(ctx, principal.get(), Scope.parseAll(ctx.formParams("scope")), offline, true);
    }

    /**
     * {@code {token, access_token, expires_in, issued_at[, refresh_token]}}; the POST form adds {@code scope},
     * the granted scopes separated by spaces (oauth.md).
     */
    private void answer(Context ctx, Principal principal, List<Scope> requested, boolean offline, boolean oauth) {
        List<Scope> granted = authorizer.grant(principal, requested);
        TokenService.IssuedToken issued = tokens.issue(principal, granted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token());
        body.put("access_token", issued.token());
        body.put("expires_in", issued.lifetime().toSeconds());
        body.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(issued.issuedAt()));
        if (oauth) {
            body.put("scope", granted.stream().map(Scope::toString).collect(Collectors.joining(" ")));
        }
        if (offline && !principal.isAnonymous()) {
            // The refresh grant keeps its (verified) refresh token; every other login gets a new one.
            boolean refreshGrant = oauth && "refresh_token".equals(ctx.formParam("grant_type"));
            body.put("refresh_token", refreshGrant ? ctx.formParam("refresh_token") : refreshTokens.issue(principal));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(Json.bytes(body));
    }

    /** Anonymous without credentials; the account for valid Basic credentials; empty for bad ones. */
    private Optional<Principal> basicPrincipal(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of(Principal.ANONYMOUS);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private boolean checkService(Context ctx, String service) {
        if (service == null || service.equals(tokens.service())) {
            return true;
        }
        refuse(ctx, 400, "unknown service '" + service + "': this token service issues tokens for " + tokens.service());
        return false;
    }

    /** The token service's error body: {@code {"details": "..."}}, which Docker's clients read. */
    private static void refuse(Context ctx, int status, String details) {
        ctx.status(status).contentType("application/json").result(Json.bytes(Map.of("details", details)));
    }
}
