package dev.hubsim.recordings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: requests, responses and metadata with little ceremony. */
final class Exchanges {
    static final RecordingMetadata METADATA = new RecordingMetadata("docker-registry (CNCF distribution)", "2.8.2",
            Instant.parse("2025-01-31T12:00:00Z"), "hubsim test");

    private Exchanges() {
    }

    /** A request; {@code pathAndQuery} may carry a raw query, {@code headers} are name/value pairs. */
    static RecordedRequest request(String method, String pathAndQuery, String... headers) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        return RecordedRequest.of(method, path, QueryParameter.parse(query), headers(headers));
    }

    static RecordedRequest withBody(RecordedRequest request, String body) {
        return new RecordedRequest(request.method(), request.path(), request.query(), request.headers(), text(body));
    }

    static RecordedResponse response(int status, String body, String... headers) {
        return RecordedResponse.of(status, headers(headers), body == null ? null : text(body));
    }

    static Interaction interaction(RecordedRequest request, RecordedResponse response) {
        return new Interaction(request, response);
    }

    static Body text(String body) {
        return Body.inline(body.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.merge(namesAndValues[i], List.of(namesAndValues[i + 1]), (a, b) ->
                    java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        return headers;
    }
}
