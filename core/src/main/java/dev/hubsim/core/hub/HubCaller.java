package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.DockerHubException;
import dev.hubsim.core.error.HubErrorException;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.error.TransportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one place Hub API requests go through: builds {@code <hub>/v2/...} URLs, sends JSON, reads typed JSON answers,
 * turns I/O failures into {@link TransportException}, a 401 that survived a fresh sign-in into
 * {@link AuthenticationException} and other refusals into {@link HubErrorException} with the Hub's own words.
 */
final class HubCaller {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final ObjectMapper json;

    HubCaller(OkHttpClient http, HttpUrl base, ObjectMapper json) {
        this.http = http;
        this.base = base;
        this.json = json;
    }

    ObjectMapper json() {
        return json;
    }

    /** {@code <hub>/<segments...>}; each segment is encoded, so a name cannot add path components. */
    HttpUrl url(String... segments) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    /** A URL the Hub handed out (a pagination link): only https or loopback. */
    HttpUrl link(String link, Operation operation) {
        HttpUrl url = HttpUrl.parse(link);
        if (url == null || !Endpoints.isHttpsOrLoopback(url)) {
            throw new ProtocolViolationException(operation.what(), operation.target(), 200,
                    "the Hub's pagination link '" + link + "' is not an https (or loopback http) URL");
        }
        return url;
    }

    /** GET and read the answer as {@code type}. */
    <T> T get(HttpUrl url, JavaType type, Operation operation) {
        return read(send(new Request.Builder().url(url).get(), operation, 200), type, operation);
    }

    /** GET; a 404 is empty. */
    <T> Optional<T> find(HttpUrl url, JavaType type, Operation operation) {
        Response response = call(new Request.Builder().url(url).get(), operation);
        if (response.code() == 404) {
            response.close();
            return Optional.empty();
        }
        return Optional.of(read(expect(response, operation, 200), type, operation));
    }

    /** Sends {@code body} as JSON with {@code method} and reads the answer, which must have status {@code expected}. */
    <T> T exchange(String method, HttpUrl url, Object body, int expected, JavaType type, Operation operation) {
        return read(send(new Request.Builder().url(url).method(method, RequestBody.create(write(body), JSON_TYPE)),
                operation, expected), type, operation);
    }

    /** DELETE, answered with any 2xx. */
    void delete(HttpUrl url, Operation operation) {
        Response response = call(new Request.Builder().url(url).delete(), operation);
        if (!response.isSuccessful()) {
            throw failure(response, operation);
        }
        response.close();
    }

    JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    JavaType pageOf(Class<?> row) {
        return json.getTypeFactory().constructParametricType(Page.class, row);
    }

    /** Sends the request; the caller closes the response. */
    Response call(Request.Builder request, Operation operation) {
        try {
            return http.newCall(request.header("Accept", "application/json").build()).execute();
        } catch (IOException e) {
            throw new TransportException(operation.what(), operation.target(), e);
        }
    }

    private Response send(Request.Builder request, Operation operation, int expected) {
        return expect(call(request, operation), operation, expected);
    }

    private Response expect(Response response, Operation operation, int expected) {
        if (response.code() != expected) {
            throw failure(response, operation);
        }
        return response;
    }

    private <T> T read(Response response, JavaType type, Operation operation) {
        try (response) {
            return json.readValue(response.body().byteStream(), type);
        } catch (IOException e) {
            throw new ProtocolViolationException(operation.what(), operation.target(), response.code(),
                    "the Hub answered a body that is not the expected JSON: " + firstLine(e.getMessage()));
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a Hub API request body", e);
        }
    }

    /** The exception for a refusal; closes the response. */
    DockerHubException failure(Response response, Operation operation) {
        try (response) {
            JsonNode body = errorBody(response);
            String detail = firstText(body, "message", "detail", "text", "error");
            if (response.code() == 401) {
                return new AuthenticationException(operation.what(), operation.target(), 401,
                        "the Hub API refused the request as unauthenticated (HTTP 401)" + (detail.isEmpty() ? ""
                                : ": " + detail));
            }
            return new HubErrorException(operation.what(), operation.target(), response.code(), detail, fields(body));
        }
    }

    private JsonNode errorBody(Response response) {
        try {
            String text = response.peekBody(ERROR_BODY_LIMIT).string();
            JsonNode body = text.isBlank() ? null : json.readTree(text);
            return body != null && body.isObject() ? body : json.createObjectNode();
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String firstText(JsonNode body, String... fields) {
        for (String field : fields) {
            JsonNode value = body.get(field);
            if (value != null && value.isTextual() && !value.textValue().isBlank()) {
                return value.textValue();
            }
        }
        return "";
    }

    /** The {@code fields} of a {@code ValueError} body: {@code {"<field>": ["message", ...]}}. */
    private static Map<String, List<String>> fields(JsonNode body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.path("fields").properties()) {
            List<String> messages = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(message -> messages.add(message.asText()));
            } else {
                messages.add(field.getValue().asText());
            }
            fields.put(field.getKey(), messages);
        }
        return fields;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** What a request does, for messages: e.g. {@code get repository} on {@code alice/app}. */
    record Operation(String what, String target) {
    }
}
