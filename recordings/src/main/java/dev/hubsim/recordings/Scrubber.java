package dev.hubsim.recordings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes an interaction safe to write: keeps only the allow-listed headers, then replaces every secret (credentials
 * in headers, secret query parameters, passwords and tokens in small JSON and form bodies) by a placeholder that is
 * stable within the recording. Bodies stored as blobs are not scrubbed: they are image content, never credentials.
 * Thread-safe; one per recording.
 */
final class Scrubber {
    private final HeaderAllowList allowList;
    private final Placeholders placeholders = new Placeholders();
    private final HeaderScrubber headers = new HeaderScrubber(placeholders);
    private final BodyScrubber bodies = new BodyScrubber(placeholders);

    Scrubber(HeaderAllowList allowList) {
        this.allowList = allowList;
    }

    /** Numbers new placeholders after those already in this recorded text. */
    void continueAfter(String recorded) {
        placeholders.continueAfter(recorded);
    }

    Interaction scrub(Interaction raw) {
        RecordedRequest request = raw.request();
        RecordedResponse response = raw.response();
        RecordedRequest safeRequest = new RecordedRequest(request.method(), request.path(), query(request.query()),
                Headers.normalise(headers.scrub(allowList.filterRequest(request.headers()))),
                body(request.body(), request.header("content-type")));
        RecordedResponse safeResponse = new RecordedResponse(response.status(),
                Headers.normalise(headers.scrub(allowList.filterResponse(response.headers()))),
                body(response.body(), response.header("content-type")));
        return new Interaction(safeRequest, safeResponse);
    }

    private List<QueryParameter> query(List<QueryParameter> query) {
        List<QueryParameter> safe = new ArrayList<>(query.size());
        for (QueryParameter parameter : query) {
            String kind = SecretFields.kindOf(parameter.name());
            safe.add(kind == null ? parameter : new QueryParameter(parameter.name(), placeholders.of(kind, parameter.value())));
        }
        return safe;
    }

    private Body body(Body body, String contentType) {
        if (body == null || body.text() == null) {
            return body;
        }
        String scrubbed = bodies.scrub(body.text(), contentType);
        return scrubbed.equals(body.text()) ? body : Body.inline(scrubbed.getBytes(StandardCharsets.UTF_8));
    }
}
