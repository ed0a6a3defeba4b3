package dev.hubsim.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.error.TransportException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET <realm>?service=...&scope=...} (the distribution token spec), with HTTP Basic when there are
 * credentials. Reads {@code token} or {@code access_token} and {@code expires_in} (default 60 s). The token expires
 * {@code expires_in} after its receipt by the client's clock. {@code issued_at} is accepted but not compared with the
 * client's clock: the two clocks need not agree (the simulator's is virtual), and the registry, which decides expiry
 * by its own clock, answers 401 to a token it no longer takes, which the auth interceptor handles.
 */
final class TokenFetcher {
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final Credentials credentials;
    private final Clock clock;

    TokenFetcher(OkHttpClient http, ObjectMapper json, Credentials credentials, Clock clock) {
        this.http = http;
        this.json = json;
        this.credentials = credentials;
        this.clock = clock;
    }

    RegistryToken fetch(TokenKey key, RequiredAccess access) {
        HttpUrl realm = HttpUrl.parse(key.realm());
        if (realm == null) {
            throw new ProtocolViolationException(access.operation(), access.target(), 401,
                    "the registry's token realm '" + key.realm() + "' is not an http(s) URL");
        }
        HttpUrl.Builder url = realm.newBuilder();
        if (!key.service().isEmpty()) {
            url.addQueryParameter("service", key.service());
        }
        for (String scope : key.scope().split(" ")) {
            if (!scope.isEmpty()) {
                url.addQueryParameter("scope", scope);
            }
        }
        Request.Builder request = new Request.Builder().url(url.build()).get();
        if (credentials != null) {
            if (!Endpoints.isHttpsOrLoopback(realm)) {
                throw new AuthenticationException(access.operation(), access.target(), 401, "refusing to send "
                        + "credentials to the token realm " + realm.host() + " over plain http");
            }
            request.header("Authorization", credentials.basicAuthorization());
        }
        String operation = access.operation();
        String target = access.target();
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.body().string();
            if (response.code() == 401 || response.code() == 403) {
                throw new AuthenticationException(operation, target, response.code(), "the token service at "
                        + realm.host() + " refused " + (credentials == null ? "anonymous access" : "the credentials of "
                        + credentials.username()) + " (HTTP " + response.code() + ")");
            }
            if (response.code() != 200) {
                throw new AuthenticationException(operation, target, response.code(),
                        "the token service at " + realm.host() + " answered HTTP " + response.code());
            }
            return read(body, operation, target);
        } catch (IOException e) {
            throw new TransportException(operation, target, e);
        }
    }

    private RegistryToken read(String body, String operation, String target) {
        Instant receivedAt = clock.instant();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new ProtocolViolationException(operation, target, 200, "the token service answered a non-JSON body");
        }
        String token = text(root, "token");
        if (token == null) {
            token = text(root, "access_token");
        }
        if (token == null || token.isEmpty()) {
            throw new ProtocolViolationException(operation, target, 200,
                    "the token service answered without 'token' or 'access_token'");
        }
        Duration lifetime = root.path("expires_in").canConvertToLong() && root.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(root.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        return new RegistryToken(SecretString.of(token), receivedAt.plus(lifetime));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
