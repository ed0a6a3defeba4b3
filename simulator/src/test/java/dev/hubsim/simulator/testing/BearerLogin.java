package dev.hubsim.simulator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a registry client does after a 401: reads the {@code WWW-Authenticate: Bearer realm=...,service=...,scope=...}
 * challenge, fetches a token from the realm with HTTP Basic credentials, and retries with {@code Authorization:
 * Bearer}. A fresh token per challenge keeps it simple: an expired token is never reused.
 */
final class BearerLogin {
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern PUSH_PATH = Pattern.compile("/v2/(.+)/(?:blobs|manifests)/.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String basic;

    BearerLogin(HttpClient client, String user, String password) {
        this.client = client;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Authorization value answering this challenge, or null when it is not a Bearer challenge. A cross-repository
     * mount ({@code ?from=}) also asks for pull on the source, as Docker's client does.
     */
    String authorizationFor(String challenge, URI request) {
        if (challenge == null || !challenge.startsWith("Bearer ")) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher m = PARAMETER.matcher(challenge);
        while (m.find()) {
            parameters.put(m.group(1), m.group(2));
        }
        String scope = parameters.getOrDefault("scope", "");
        String from = mountSource(request);
        if (from != null) {
            scope = scope + " repository:" + from + ":pull";
        }
        return "Bearer " + fetch(parameters.get("realm"), parameters.get("service"), scope);
    }

    /** A token for pushing to the repository a {@code /v2/<name>/(blobs|manifests)/...} request addresses. */
    String authorizationForPush(URI request) {
        Matcher m = PUSH_PATH.matcher(request.getPath());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a push route: " + request);
        }
        String from = mountSource(request);
        String scope = "repository:" + m.group(1) + ":pull,push" + (from == null ? "" : " repository:" + from + ":pull");
        return "Bearer " + fetch(request.getScheme() + "://" + request.getAuthority() + "/token", "registry.docker.io", scope);
    }

    private static String mountSource(URI request) {
        String query = request.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("from=")) {
                return URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String fetch(String realm, String service, String scope) {
        StringBuilder query = new StringBuilder("?service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        for (String one : scope.trim().split(" ")) {
            if (!one.isEmpty()) {
                query.append("&scope=").append(URLEncoder.encode(one, StandardCharsets.UTF_8));
            }
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm + query)).header("Authorization", basic).GET().build();
        try {
            var response = client.send(request, BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request for '" + scope + "' answered " + response.statusCode());
            }
            return JSON.readTree(response.body()).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
