package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A Hub API client for tests: JSON requests with an optional token ({@code Authorization: Bearer}, or another
 * header value given whole), and every answer checked against the Hub API description ({@link HubApiSpec}) before
 * the test sees it.
 */
final class HubApiClient {
    private final RegistryHttp http;

    HubApiClient(URI base) {
        this.http = new RegistryHttp(base);
    }

    Reply get(String target, String token) {
        return checked(http.get(target, headers(token, false)));
    }

    Reply head(String target, String token) {
        return checked(http.head(target, headers(token, false)));
    }

    Reply delete(String target, String token) {
        return checked(http.delete(target, headers(token, false)));
    }

    Reply post(String target, Object body, String token) {
        return checked(http.post(target, TestImages.write(body), headers(token, true)));
    }

    Reply patch(String target, Object body, String token) {
        return checked(http.patch(target, TestImages.write(body), headers(token, true)));
    }

    /** Sends with an {@code Authorization} header exactly as given (another scheme, a broken value). */
    Reply getWithAuthorization(String target, String authorization) {
        return checked(http.get(target, "Authorization", authorization));
    }

    /** A session token from {@code /v2/users/login}. */
    String login(String username, String password) {
        return post("/v2/users/login", java.util.Map.of("username", username, "password", password), null)
                .expect(200).json().path("token").asText();
    }

    /** A 10-minute access token from {@code /v2/auth/token}. */
    String accessToken(String identifier, String secret) {
        return post("/v2/auth/token", java.util.Map.of("identifier", identifier, "secret", secret), null)
                .expect(200).json().path("access_token").asText();
    }

    private static String[] headers(String token, boolean json) {
        List<String> headers = new ArrayList<>();
        if (token != null) {
            headers.add("Authorization");
            headers.add("Bearer " + token);
        }
        if (json) {
            headers.add("Content-Type");
            headers.add("application/json");
        }
        return headers.toArray(String[]::new);
    }

    private static Reply checked(Reply reply) {
        HubApiSpec.INSTANCE.check(reply);
        return reply;
    }
}
