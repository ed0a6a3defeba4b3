package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.error.TransportException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One sign-in to the Hub API for a {@link HubLogin}: {@code POST /v2/auth/token} → {@code access_token}, or
 * {@code POST /v2/users/login} → {@code token}, with {@code POST /v2/users/2fa-login} when the Hub answers 401 with a
 * {@code login_2fa_token} (reference §1.1–1.3). Refusals become {@link AuthenticationException}s with the Hub's
 * {@code detail}; no secret is ever part of a message.
 */
final class HubSignIn {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    /** The detail Docker Hub sends with a second-factor challenge, as Docker's hub-tool compares it. */
    static final String SECOND_FACTOR_REQUIRED = "Require secondary authentication on MFA enabled account";

    private final OkHttpClient http;
    private final HttpUrl hub;
    private final ObjectMapper json;
    private final HubLogin login;

    HubSignIn(OkHttpClient http, HttpUrl hub, ObjectMapper json, HubLogin login) {
        this.http = http;
        this.hub = hub;
        this.json = json;
        this.login = login;
    }

    /** Signs in and returns the Hub token. */
    HubToken signIn() {
        if (login instanceof HubLogin.AccessToken access) {
            // POST /v2/auth/token
            JsonNode answer = post("/v2/auth/token", Map.of("identifier", access.identifier(),
                    "secret", access.secret().reveal()), access.identifier());
            return token(answer, "access_token", access.identifier());
        }
        HubLogin.User user = (HubLogin.User) login;
        // POST /v2/users/login
        JsonNode answer = post("/v2/users/login", Map.of("username", user.username(),
                "password", user.secret().reveal()), user.username());
        return token(answer, "token", user.username());
    }

    private JsonNode post(String path, Map<String, String> body, String account) {
        Request request = new Request.Builder().url(hub.newBuilder().encodedPath(path).build())
                .post(RequestBody.create(write(body), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = read(response.body().string());
            if (response.code() == 200) {
                return answer;
            }
            String detail = text(answer, "detail");
            String twoFactorToken = text(answer, "login_2fa_token");
            if (response.code() == 401 && twoFactorToken != null && login instanceof HubLogin.User user) {
                return secondFactor(user, twoFactorToken);
            }
            throw refused(account, response.code(), detail);
        } catch (IOException e) {
            throw new TransportException("sign in to the Hub API", account, e);
        }
    }

    private JsonNode secondFactor(HubLogin.User user, String twoFactorToken) {
        if (user.codes() == null) {
            throw new AuthenticationException("sign in to the Hub API", user.username(), 401, "the account has "
                    + "two-factor authentication: sign in with HubLogin.user(username, password, codes), or with a "
                    + "personal access token");
        }
        // POST /v2/users/2fa-login
        String code = user.codes().currentCode();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("login_2fa_token", twoFactorToken);
        body.put("code", code == null ? "" : code.trim());
        Request request = new Request.Builder().url(hub.newBuilder().encodedPath("/v2/users/2fa-login").build())
                .post(RequestBody.create(write(body), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = read(response.body().string());
            if (response.code() != 200) {
                String detail = text(answer, "detail");
                throw refused(user.username(), response.code(), "second factor" + (detail == null ? "" : ": " + detail));
            }
            return answer;
        } catch (IOException e) {
            throw new TransportException("sign in to the Hub API", user.username(), e);
        }
    }

    private HubToken token(JsonNode answer, String field, String account) {
        String jwt = text(answer, field);
        if (jwt == null || jwt.isEmpty()) {
            throw new ProtocolViolationException("sign in to the Hub API", account, 200,
                    "the Hub answered without '" + field + "'");
        }
        try {
            return HubToken.parse(jwt, json);
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException("sign in to the Hub API", account, 200, e.getMessage());
        }
    }

    private static AuthenticationException refused(String account, int status, String detail) {
        return new AuthenticationException("sign in to the Hub API", account, status, "the Hub refused the "
                + "credentials (HTTP " + status + (detail == null || detail.isEmpty() ? "" : ": " + detail) + ")");
    }

    private JsonNode read(String body) {
        try {
            return body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private byte[] write(Map<String, String> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a sign-in body", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
