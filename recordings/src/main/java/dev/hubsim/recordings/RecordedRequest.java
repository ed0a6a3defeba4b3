package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * A recorded request: method, path (raw, as sent), decoded query parameters in order, the allow-listed headers
 * (lowercase names, sorted) and the body, null when there was none.
 */
@JsonPropertyOrder({"method", "path", "query", "headers", "body"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RecordedRequest(String method, String path, List<QueryParameter> query,
                              SortedMap<String, List<String>> headers, Body body) {
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    public RecordedRequest {
        Objects.requireNonNull(method, "request method is missing");
        Objects.requireNonNull(path, "request path is missing");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("request method '" + method + "' is not an uppercase HTTP method");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request path '" + path + "' does not start with /");
        }
        query = query == null ? List.of() : List.copyOf(query);
        headers = Headers.normalise(headers);
    }

    /** A request without body; header names in any case. */
    public static RecordedRequest of(String method, String path, List<QueryParameter> query,
                                     Map<String, List<String>> headers) {
        return new RecordedRequest(method, path, query, Headers.normalise(headers), null);
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        return Headers.first(headers, name);
    }


    /** {@code GET /path}; never headers, query values or body, which may hold secrets before scrubbing. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
