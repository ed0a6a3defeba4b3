package dev.hubsim.simulator.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Gets registry tokens from a simulator's token service ({@code GET /token}) the way Docker's clients do:
 * anonymously or with HTTP Basic credentials, for one repository scope. Tokens live 300 s of the simulator's
 * clock, so a test that moves the clock fetches a new one.
 */
public final class HubTokens {
    private final RegistryHttp http;

    public HubTokens(RegistryHttp http) {
        this.http = http;
    }

    /** An anonymous token for {@code repository:<name>:<actions>}. */
    public String anonymous(String repository, String actions) {
        return fetch(repository, actions, null);
    }

    /** A token for a user (password or personal access token) for {@code repository:<name>:<actions>}. */
    public String forUser(String user, String secret, String repository, String actions) {
        return fetch(repository, actions, user + ":" + secret);
    }

    /** The {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private String fetch(String repository, String actions, String credentials) {
        String target = "/token?service=registry.docker.io&scope="
                + URLEncoder.encode("repository:" + repository + ":" + actions, StandardCharsets.UTF_8);
        Reply reply = credentials == null ? http.get(target)
                : http.get(target, "Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return reply.expect(200).json().path("token").asText();
    }
}
