package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.auth.Account;
import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.PatScope;
import dev.hubsim.simulator.auth.Principal;
import dev.hubsim.simulator.auth.RefreshTokens;
import dev.hubsim.simulator.auth.TotpSecret;
import dev.hubsim.simulator.hubapi.HubTokens.Caller;
import dev.hubsim.simulator.hubapi.HubTokens.Kind;
import dev.hubsim.simulator.hubapi.HubTokens.Verification;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in to the Hub API (reference §1): {@code POST /v2/users/login} (a session token, plus a refresh token with
 * {@code ?refresh_token=true}; for an account with two-factor authentication a password gets a 401 carrying a
 * {@code login_2fa_token}, a personal access token signs in directly), {@code POST /v2/users/2fa-login} (that
 * token and a TOTP code) and {@code POST /v2/auth/token} (a password or personal access token for a 10-minute access
 * token). Secrets are checked, never logged or echoed.
 */
final class AuthRoutes {
    static final String BAD_CREDENTIALS = "Incorrect authentication credentials";
    static final String SECOND_FACTOR_REQUIRED = "Require secondary authentication on MFA enabled account";

    private final Accounts accounts;
    private final HubTokens tokens;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    AuthRoutes(Accounts accounts, HubTokens tokens, RefreshTokens refreshTokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    void login(Context ctx) {
        JsonNode body = HubJson.object(ctx);
        String username = required(body, "username");
        String password = required(body, "password");
        Principal principal = accounts.authenticate(username, password)
                .orElseThrow(() -> HubApiException.detailOnly(401, BAD_CREDENTIALS));
        boolean byPassword = !Accounts.isPersonalAccessToken(password);
        if (byPassword && secondFactor(username).isPresent()) {
            throw HubApiException.detailOnly(401, SECOND_FACTOR_REQUIRED)
                    .with("login_2fa_token", tokens.issue(Kind.SECOND_FACTOR, new Caller(principal, true)));
        }
        session(ctx, new Caller(principal, byPassword));
    }

    void secondFactorLogin(Context ctx) {
        JsonNode body = HubJson.object(ctx);
        String token = required(body, "login_2fa_token");
        String code = required(body, "code");
        if (!(tokens.verify(token, Kind.SECOND_FACTOR) instanceof Verification.Valid valid)) {
            throw HubApiException.detailOnly(401, "the login_2fa_token is invalid or has expired: log in again");
        }
        String username = valid.caller().principal().account();
        boolean accepted = secondFactor(username).map(secret -> secret.accepts(code, clock.instant())).orElse(false);
        if (!accepted) {
            throw HubApiException.detailOnly(401, BAD_CREDENTIALS);
        }
        session(ctx, new Caller(new Principal(username, PatScope.ADMIN), true));
    }

    void accessToken(Context ctx) {
        JsonNode body = HubJson.object(ctx);
        String identifier = required(body, "identifier");
        String secret = required(body, "secret");
        Principal principal = accounts.authenticate(identifier, secret)
                .orElseThrow(() -> HubApiException.of(401, BAD_CREDENTIALS));
        boolean byPassword = !Accounts.isPersonalAccessToken(secret);
        if (byPassword && secondFactor(identifier).isPresent()) {
            // Our choice (no source says): without a second factor here, a password of a 2FA account must not be
            // enough, so such accounts use a personal access token, as Docker asks of 2FA accounts for the CLI.
            throw HubApiException.of(401, SECOND_FACTOR_REQUIRED + ": use a personal access token");
        }
        HubJson.write(ctx, 200, Map.of("access_token", tokens.issue(Kind.ACCESS, new Caller(principal, byPassword))));
    }

    private void session(Context ctx, Caller caller) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", tokens.issue(Kind.SESSION, caller));
        if ("true".equalsIgnoreCase(ctx.queryParam("refresh_token"))) {
            answer.put("refresh_token", refreshTokens.issue(caller.principal()));
        }
        HubJson.write(ctx, 200, answer);
    }

    private Optional<TotpSecret> secondFactor(String username) {
        return accounts.user(username).map(Account::totp);
    }

    private static String required(JsonNode body, String field) {
        String value = HubJson.text(body, field);
        if (value == null || value.isEmpty()) {
            throw HubApiException.invalidField(field, "This field is required.");
        }
        return value;
    }
}
