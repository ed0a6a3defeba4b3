package dev.hubsim.simulator.hubapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hub API refusal: the status and the JSON body Docker Hub sends for it, plus any headers. Handlers throw it;
 * {@link HubApi} writes it. Docker Hub's error bodies come in several shapes (reference §2.6); the factories here
 * pick the one of each endpoint family.
 */
final class HubApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> body;
    private final Map<String, String> headers;

    private HubApiException(int status, Map<String, Object> body, Map<String, String> headers) {
        super(status + " " + body.get("detail"), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** {@code {"detail": ..., "message": ...}}: the {@code Error} / {@code error} schemas of the spec. */
    static HubApiException of(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("message", detail);
        return new HubApiException(status, body, Map.of());
    }

    /** {@code {"detail": ...}} alone: what the login routes send (reference §1.1, §1.2). */
    static HubApiException detailOnly(int status, String detail) {
        return new HubApiException(status, new LinkedHashMap<>(Map.of("detail", detail)), Map.of());
    }

    /** The {@code ValueError} shape for bad input: {@code {"fields": {"<field>": ["msg"]}, "text": ...}} (reference §2.6). */
    static HubApiException invalidField(String field, String message) {
        return invalidField(field, message, message);
    }

    /** The {@code ValueError} shape with a summary {@code text} of its own. */
    static HubApiException invalidField(String field, String message, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", Map.of(field, List.of(message)));
        body.put("text", text);
        return new HubApiException(400, body, Map.of());
    }

    /** A 404 that says nothing about whether the resource exists but is hidden (private repositories). */
    static HubApiException notFound(String what) {
        return of(404, what + " not found");
    }

    /** The same refusal with more body fields. */
    HubApiException with(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(body);
        more.put(field, value);
        return new HubApiException(status, more, headers);
    }

    /** The same refusal with a header. */
    HubApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HubApiException(status, body, more);
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
