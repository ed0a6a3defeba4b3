package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** A recorded response: status, the allow-listed headers (lowercase names, sorted) and the body, null when none. */
@JsonPropertyOrder({"status", "headers", "body"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RecordedResponse(int status, SortedMap<String, List<String>> headers, Body body) {

    public RecordedResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("response status " + status + " is not an HTTP status (100-599)");
        }
        headers = Headers.normalise(headers);
    }

    /** A response with header names in any case. */
    public static RecordedResponse of(int status, Map<String, List<String>> headers, Body body) {
        return new RecordedResponse(status, Headers.normalise(headers), body);
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        return Headers.first(headers, name);
    }


    /** The status and body summary; never headers or content, which may hold secrets before scrubbing. */
    @Override
    public String toString() {
        return status + (body == null ? "" : " " + body);
    }
}
