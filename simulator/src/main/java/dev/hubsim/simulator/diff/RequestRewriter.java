package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.QueryParameter;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.StoredRecording;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a recorded request into the one to send to the fresh mock, learning from each answer as the replay goes:
 * <ul>
 *   <li>an upload session's recorded {@code Location} is replaced by the one the mock handed out (its own query, plus
 *       the recorded parameters it lacks, such as {@code digest});</li>
 *   <li>a scrubbed token ({@code hubsim-redacted-token-1}) is replaced by the real one the mock issued where the
 *       recording issued the placeholder; a bearer token the mock never issued is dropped;</li>
 *   <li>scrubbed passwords and Basic credentials become those of the recording's account (the {@code account}
 *       parameter or login {@code username}), which the mock is seeded with ({@link #PASSWORD}).</li>
 * </ul>
 */
final class RequestRewriter {
    /** The password of the account seeded into the mock. */
    static final String PASSWORD = "hubsim-diff-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("hubsim-redacted-([a-z]+)-[0-9]+");
    private static final Set<String> TOKEN_FIELDS = Set.of("token", "access_token", "refresh_token");
    private static final Set<String> TOKEN_PATHS = Set.of("/token", "/v2/users/login", "/v2/auth/token");

    private final String account;
    private final Map<String, URI> locations = new HashMap<>();
    private final Map<String, String> secrets = new HashMap<>();

    RequestRewriter(String account) {
        this.account = account;
    }

    /** The request to send: method, target (path and query), headers and the body text if it was rewritten. */
    record Outgoing(String method, String target, Map<String, List<String>> headers, byte[] rewrittenBody) {
    }

    /** True when the recording talks to a token service or was challenged for a Bearer token. */
    static boolean usesTokenAuth(StoredRecording recording) {
        return recording.interactions().stream().anyMatch(i -> TOKEN_PATHS.contains(i.request().path())
                || String.valueOf(i.response().header("www-authenticate")).regionMatches(true, 0, "Bearer", 0, 6));
    }

    /** The account the recording logged in as, or null: the {@code account} parameter or a login {@code username}. */
    static String account(StoredRecording recording) {
        for (Interaction interaction : recording.interactions()) {
            RecordedRequest request = interaction.request();
            for (QueryParameter parameter : request.query()) {
                if (parameter.name().equals("account") && !parameter.value().isEmpty()) {
                    return parameter.value();
                }
            }
            if (TOKEN_PATHS.contains(request.path()) && request.body() != null && request.body().text() != null) {
                try {
                    JsonNode username = JSON.readTree(request.body().text()).path("username");
                    if (username.isTextual()) {
                        return username.textValue();
                    }
                } catch (IOException notJson) {
                    // a form body: no username to take
                }
            }
        }
        return null;
    }

    Outgoing rewrite(RecordedRequest request) {
        List<QueryParameter> query = new ArrayList<>();
        String path = request.path();
        URI location = locations.get(path);
        if (location != null) {
            path = location.getRawPath();
            List<QueryParameter> given = QueryParameter.parse(location.getRawQuery());
            query.addAll(given);
            request.query().stream().filter(p -> given.stream().noneMatch(g -> g.name().equals(p.name()))).forEach(query::add);
        } else {
            query.addAll(request.query());
        }
        StringBuilder target = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            target.append(i == 0 ? '?' : '&').append(encode(query.get(i).name())).append('=')
                    .append(encode(substitute(query.get(i).value())));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            List<String> sent = new ArrayList<>();
            for (String value : values) {
                String rewritten = name.equals("authorization") ? authorization(value) : substitute(value);
                if (rewritten != null) {
                    sent.add(rewritten);
                }
            }
            if (!sent.isEmpty()) {
                headers.put(name, sent);
            }
        });
        byte[] body = null;
        if (request.body() != null && request.body().text() != null && PLACEHOLDER.matcher(request.body().text()).find()) {
            body = substitute(request.body().text()).getBytes(StandardCharsets.UTF_8);
        }
        return new Outgoing(request.method(), target.toString(), headers, body);
    }

    /** Learns the mock's upload locations and issued tokens from one answer. */
    void learn(Interaction recorded, BodySample recordedBody, ObservedResponse mock) {
        String recordedLocation = recorded.response().header("location");
        String mockLocation = mock.header("location");
        if (recordedLocation != null && mockLocation != null) {
            try {
                locations.put(URI.create(recordedLocation).getRawPath(), URI.create(mockLocation));
            } catch (IllegalArgumentException malformed) {
                // a Location that is no URI maps nothing
            }
        }
        JsonNode recordedJson = BodySample.jsonObject(recordedBody);
        JsonNode mockJson = BodySample.jsonObject(mock.body());
        if (recordedJson != null && mockJson != null) {
            for (String field : TOKEN_FIELDS) {
                JsonNode placeholder = recordedJson.get(field);
                JsonNode real = mockJson.get(field);
                if (placeholder != null && placeholder.isTextual() && real != null && real.isTextual()) {
                    secrets.put(placeholder.textValue(), real.textValue());
                }
            }
        }
    }

    /** Bearer: the issued token or nothing; Basic: the seeded account or nothing. */
    private String authorization(String value) {
        int space = value.indexOf(' ');
        String scheme = space < 0 ? "" : value.substring(0, space);
        String credentials = space < 0 ? value : value.substring(space + 1).trim();
        if (!PLACEHOLDER.matcher(credentials).matches()) {
            return value;
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return account == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                    (account + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }
        String secret = secrets.get(credentials);
        return secret == null ? null : scheme + " " + secret;
    }

    private String substitute(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String real = secrets.get(placeholder.group());
            if (real == null && placeholder.group(1).equals("password")) {
                real = PASSWORD;
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(real == null ? placeholder.group() : real));
        }
        return placeholder.appendTail(out).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
