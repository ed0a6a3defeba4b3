package dev.hubsim.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One HTTP answer as a test sees it: status, headers (names case-insensitive) and the whole body. */
public record Reply(String method, String target, int status, HttpHeaders headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Every value of a header. */
    public List<String> headerValues(String name) {
        return headers.allValues(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON tree (fails the test when it is not JSON). */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + this, e);
        }
    }

    /** The {@code code} of the first error of an {@code {"errors":[...]}} body, or null. */
    public String errorCode() {
        JsonNode code = error().get("code");
        return code == null ? null : code.asText();
    }

    /** The first error of an {@code {"errors":[...]}} body (a missing node when there is none). */
    public JsonNode error() {
        if (body.length == 0) {
            return JSON.missingNode();
        }
        return json().path("errors").path(0);
    }

    /** Fails with the whole exchange unless the status is the expected one; returns this for chaining. */
    public Reply expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected " + expected + " but got " + this);
        }
        return this;
    }

    /** The {@code Location} header resolved against the request target (it may be relative). */
    public String location() {
        String location = header("Location");
        return location == null ? null : java.net.URI.create(target).resolve(location).toString();
    }

    @Override
    public String toString() {
        String shown = body.length > 2000 ? new String(body, 0, 2000, StandardCharsets.UTF_8) + "..." : text();
        return method + " " + target + " -> " + status + " " + headers.map() + " " + shown;
    }
}
