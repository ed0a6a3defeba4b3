package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * JSON as the Hub API writes it: nulls kept ({@code "previous": null}), timestamps in RFC 3339 with microseconds
 * and {@code Z} ({@code 2021-01-05T21:06:53.506400Z}, reference §8.12); and request bodies read as trees.
 */
final class HubJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private HubJson() {
    }

    /** A timestamp as Docker Hub writes it, or null. */
    static String time(Instant instant) {
        return instant == null ? null : MICROSECONDS.format(instant);
    }

    /** Answers with a JSON body. */
    static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a Hub API answer", e);
        }
    }

    /** The request body as a JSON object; anything else is a 400 saying so. */
    static JsonNode object(Context ctx) {
        JsonNode body;
        try {
            body = MAPPER.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            throw HubApiException.of(400, "the request body must be a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw HubApiException.of(400, "the request body must be a JSON object");
        }
        return body;
    }

    /** A text field of a request body, or null when absent; a non-text value is a 400 naming the field. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw HubApiException.invalidField(field, field + " must be a string");
        }
        return value.asText();
    }
}
