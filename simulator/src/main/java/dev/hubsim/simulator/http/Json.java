package dev.hubsim.simulator.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

import java.io.IOException;

/** The simulator's one configured JSON mapper, and the admin API's way of reading and answering JSON. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Answers with a JSON body. */
    static void reply(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(bytes(body));
    }

    /** The request body as a JSON object; anything else is a 400 whose message shows the expected shape. */
    static JsonNode object(Context ctx, String expected) {
        JsonNode body;
        try {
            body = MAPPER.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            throw new AdminException(400, "the body must be JSON: " + expected);
        }
        if (body == null || !body.isObject()) {
            throw new AdminException(400, "the body must be a JSON object: " + expected);
        }
        return body;
    }
}
